import type { TLAssetId, TLImageAsset, TLImageShape, TLPageId, TLShapeId } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';
import { TEMPLATE_PAGE_ID, validateTemplateRecord } from '@empiria/formats';
import { metaWith } from '@empiria/shared';

/** EXIF orientations that are rotations (mirrored ones are shown unmirrored). */
const ROTATION: Record<number, 0 | 90 | 180 | 270> = {
  1: 0,
  2: 0,
  3: 180,
  4: 180,
  5: 90,
  6: 90,
  7: 270,
  8: 270,
};

/**
 * A photo of a paper sheet on the canvas: a tldraw image asset pointing at the server's copy, and
 * an image shape as large as fits in `maxWidth`×`maxHeight` canvas units as seen, placed with its
 * top-left corner at (x, y). A phone's EXIF orientation (dropped with the EXIF block) becomes the
 * shape's rotation, so the photo still stands the right way up.
 *
 * The shape's size comes from the checked pixel size and is held within that box whatever the
 * proportions ([U6]): a 12,000×1 px image is a thin line, not a shape a million units long.
 */
export function photoRecords(args: {
  photoId: string;
  src: string;
  name: string;
  mimeType: string;
  pixelWidth: number;
  pixelHeight: number;
  orientation: number;
  fileSize: number;
  x: number;
  y: number;
  maxWidth: number;
  maxHeight: number;
  index: IndexKey;
  meta: { stepId: string | null; author: { id: string; name: string } };
}): { asset: TLImageAsset; shape: TLImageShape; bounds: { w: number; h: number } } {
  const { pixelWidth, pixelHeight, maxWidth, maxHeight } = args;
  for (const n of [pixelWidth, pixelHeight, maxWidth, maxHeight]) {
    if (!Number.isFinite(n) || n < 1) throw new RangeError(`a photo's size must be positive, not ${n}`);
  }
  const assetId = `asset:photo-${args.photoId}` as TLAssetId;
  const rotation = ROTATION[args.orientation] ?? 0;
  const upright = rotation === 90 || rotation === 270;
  // The shape's own w×h are the stored pixels'; upright ones are seen rotated, w and h swapped.
  const seen = upright ? { w: pixelHeight, h: pixelWidth } : { w: pixelWidth, h: pixelHeight };
  const scale = Math.min(maxWidth / seen.w, maxHeight / seen.h);
  // At least a unit a side: a sliver of a photo is still there to be seen and removed.
  const w = Math.max(1, Math.round(pixelWidth * scale));
  const h = Math.max(1, Math.round(pixelHeight * scale));
  // tldraw rotates around the shape's top-left corner: move it so the seen photo starts at (x, y).
  const offset = { 0: { x: 0, y: 0 }, 90: { x: h, y: 0 }, 180: { x: w, y: h }, 270: { x: 0, y: w } }[
    rotation
  ];
  const asset: TLImageAsset = {
    id: assetId,
    typeName: 'asset',
    type: 'image',
    props: {
      name: args.name,
      src: args.src,
      w: pixelWidth,
      h: pixelHeight,
      mimeType: args.mimeType,
      isAnimated: false,
      fileSize: args.fileSize,
    },
    meta: {},
  };
  const shape: TLImageShape = {
    id: `shape:photo-${args.photoId}` as TLShapeId,
    typeName: 'shape',
    type: 'image',
    x: args.x + offset.x,
    y: args.y + offset.y,
    rotation: (rotation * Math.PI) / 180,
    index: args.index,
    parentId: TEMPLATE_PAGE_ID as TLPageId,
    isLocked: false,
    opacity: 1,
    props: {
      w,
      h,
      playing: true,
      url: '',
      assetId,
      crop: null,
      flipX: false,
      flipY: false,
      altText: args.name,
    },
    meta: metaWith({}, { photo: { stepId: args.meta.stepId, author: args.meta.author } }),
  };
  validateTemplateRecord(asset);
  validateTemplateRecord(shape);
  return { asset, shape, bounds: upright ? { w: h, h: w } : { w, h } };
}
