import type { TLAssetId, TLImageAsset, TLImageShape, TLPageId, TLShapeId } from '@tldraw/tlschema';
import type { IndexKey } from '@tldraw/utils';
import { TEMPLATE_PAGE_ID, validateTemplateRecord } from '@empiria/formats';

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
 * an image shape of `width` canvas units placed with its top-left corner at (x, y). A phone's
 * EXIF orientation (dropped with the EXIF block) becomes the shape's rotation, so the photo still
 * stands the right way up.
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
  width: number;
  index: IndexKey;
  meta: { stepId: string | null; author: { id: string; name: string } };
}): { asset: TLImageAsset; shape: TLImageShape; bounds: { w: number; h: number } } {
  const assetId = `asset:photo-${args.photoId}` as TLAssetId;
  const rotation = ROTATION[args.orientation] ?? 0;
  const upright = rotation === 90 || rotation === 270;
  // The shape's own w×h are the stored pixels'; upright ones are seen rotated, w and h swapped.
  const seenW = args.width;
  const scale = seenW / (upright ? args.pixelHeight : args.pixelWidth);
  const w = Math.round(args.pixelWidth * scale);
  const h = Math.round(args.pixelHeight * scale);
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
      w: args.pixelWidth,
      h: args.pixelHeight,
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
    meta: { empiria: { photo: { stepId: args.meta.stepId, author: args.meta.author } } },
  };
  validateTemplateRecord(asset);
  validateTemplateRecord(shape);
  return { asset, shape, bounds: upright ? { w: h, h: w } : { w, h } };
}
