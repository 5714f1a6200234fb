import { Geometry2d, Group2d } from 'tldraw';
import type { Box, Geometry2dFilters, Vec, VecLike } from 'tldraw';

/**
 * A shape's label area, worked out only when something asks for it. tldraw measures the text of a
 * note, a geo shape's label or a frame's heading (a forced layout each) to place the label, and
 * builds the geometry of every shape of the page as the board opens, for culling and the spatial
 * index, which need only the shape's bounds: the label is `excludeFromShapeBounds`. Asked for its
 * bounds, this answers as an excluded label does, without measuring; asked anything about its
 * shape (a click on the text, a brush over it), it builds tldraw's own label geometry once and
 * answers from it.
 */
export class DeferredLabel2d extends Geometry2d {
  private label: Geometry2d | null = null;

  constructor(private readonly build: () => Geometry2d) {
    super({ isFilled: true, isClosed: true, isLabel: true, excludeFromShapeBounds: true });
  }

  /** Whether the label has been worked out (so its text measured). */
  get isBuilt(): boolean {
    return this.label !== null;
  }

  private built(): Geometry2d {
    this.label ??= this.build();
    return this.label;
  }

  // The shape's bounds leave the label out (`excludeFromShapeBounds`): Geometry2d's own
  // getBoundsVertices answers that without touching the vertices, so it is not overridden.

  override getVertices(filters: Geometry2dFilters): Vec[] {
    return this.built().getVertices(filters);
  }

  override nearestPoint(point: VecLike, filters?: Geometry2dFilters): Vec {
    return this.built().nearestPoint(point, filters);
  }

  override hitTestPoint(
    point: VecLike,
    margin?: number,
    hitInside?: boolean,
    filters?: Geometry2dFilters,
  ): boolean {
    return this.built().hitTestPoint(point, margin, hitInside, filters);
  }

  override distanceToPoint(point: VecLike, hitInside?: boolean, filters?: Geometry2dFilters): number {
    return this.built().distanceToPoint(point, hitInside, filters);
  }

  override hitTestLineSegment(
    A: VecLike,
    B: VecLike,
    distance?: number,
    filters?: Geometry2dFilters,
  ): boolean {
    return this.built().hitTestLineSegment(A, B, distance, filters);
  }

  override getBounds(): Box {
    return this.built().getBounds();
  }

  override getLength(filters?: Geometry2dFilters): number {
    return this.built().getLength(filters);
  }

  override getSvgPathData(first: boolean): string {
    return this.built().getSvgPathData(first);
  }
}

/** The label child of a shape geometry tldraw built (a note's, a geo shape's, a frame's). */
export function labelOf(geometry: Geometry2d): Geometry2d {
  const label = geometry instanceof Group2d ? geometry.children.find((child) => child.isLabel) : undefined;
  if (!label) throw new Error('tldraw’s shape geometry has no label');
  return label;
}
