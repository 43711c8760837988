// Which attachments to fetch at all. Sizes come from Outlook's list, before any content is asked
// for: a 200 MB video is named to the handler, never downloaded into the pane.
import { MAX_ATTACHMENT_BYTES, MAX_TOTAL_BYTES, type AttachmentInfo, type NotReadReason } from './types';

export type Planned =
  { info: AttachmentInfo; fetch: true } | { info: AttachmentInfo; fetch: false; reason: NotReadReason };

/** In Outlook's order; the total cap counts only what is fetched. */
export function planAttachments(infos: readonly AttachmentInfo[]): Planned[] {
  let total = 0;
  return infos.map((info): Planned => {
    if (info.kind === 'cloud') return { info, fetch: false, reason: { kind: 'cloud-link' } };
    const size = Number.isFinite(info.size) && info.size > 0 ? info.size : 0;
    if (size > MAX_ATTACHMENT_BYTES)
      return { info, fetch: false, reason: { kind: 'too-large', limit: MAX_ATTACHMENT_BYTES } };
    if (total + size > MAX_TOTAL_BYTES)
      return { info, fetch: false, reason: { kind: 'over-total', limit: MAX_TOTAL_BYTES } };
    total += size;
    return { info, fetch: true };
  });
}
