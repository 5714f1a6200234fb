import type { FormatDefinition, Step } from '@empiria/formats';

/** Format 0's trust step (formats/src/definitions/format-0.ts) and its poll zone. */
const TRUST_STEP_PATTERN = /^trust(-\d+)?$/;
const TRUST_ZONE_ID = 'trust';

/**
 * Whether `step` is Format 0's "trust and way of working": on its own board by format and step id,
 * on a meeting's board (an agenda, which names a repeated step `trust-2`…) by the step id and the
 * poll zone agendaFormat keeps as they are.
 */
export function isTrustStep(format: FormatDefinition, step: Step): boolean {
  if (format.id === 'format-0') return step.id === 'trust';
  return (
    TRUST_STEP_PATTERN.test(step.id) &&
    step.zones.some((zone) => zone.id === TRUST_ZONE_ID && zone.kind === 'poll')
  );
}
