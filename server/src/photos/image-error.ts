/**
 * Why an uploaded file is not taken as a photo. The reason decides the answer's status and code
 * (photo-service.ts); the message says what exactly was wrong, for the person and the log.
 *
 * - `not_an_image`: not a JPEG, PNG or WebP at all (its first bytes say so);
 * - `invalid`: one of those, but broken, truncated, inconsistent or declaring no size;
 * - `too_large`: declares more pixels than a browser should be asked to decode (image-limits.ts);
 * - `too_complex`: more structure than any real photo has, or it took too long to clean.
 */
export type ImageProblem = 'not_an_image' | 'invalid' | 'too_large' | 'too_complex';

export class ImageError extends Error {
  override name = 'ImageError';
  readonly problem: ImageProblem;

  constructor(problem: ImageProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}
