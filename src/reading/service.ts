// Reading a message's attachments for the pane: what Outlook lists, the caps, each content
// fetched in turn (Outlook allows 3 calls at once, shared with the rest of the pane), then text
// extraction and scanning in the reading worker. A failure for one attachment names that one.
import type { Terms } from '../core/indicators';
import type { AttachmentListing, AttachmentPort } from '../office/attachments';
import { planAttachments } from './plan';
import type { AttachmentContent, AttachmentInfo, AttachmentReading } from './types';

/** Extraction and scanning (the Worker in the browser, the plain handler in tests). */
export interface ReadingEngine {
  read(
    items: Array<{ info: AttachmentInfo; content: AttachmentContent }>,
    terms?: Terms,
  ): Promise<AttachmentReading[]>;
}

export interface AttachmentReadingService {
  list(): AttachmentListing | null;
  read(listing: AttachmentListing, terms?: Terms): Promise<AttachmentReading[]>;
}

export function createAttachmentReading(
  port: AttachmentPort,
  engine: ReadingEngine,
): AttachmentReadingService {
  return {
    list: () => port.list(),
    async read(listing, terms) {
      const plan = planAttachments(listing.attachments);
      const fetched: Array<{ info: AttachmentInfo; content: AttachmentContent }> = [];
      const failed = new Map<string, string>();
      for (const p of plan) {
        if (!p.fetch) continue;
        try {
          fetched.push({ info: p.info, content: await port.content(p.info, listing) });
        } catch (err) {
          failed.set(p.info.id, err instanceof Error ? err.message : String(err));
        }
      }
      const read = fetched.length ? await engine.read(fetched, terms) : [];
      const byId = new Map(read.map((r) => [r.info.id, r]));
      return plan.map((p): AttachmentReading => {
        if (!p.fetch) return { status: 'not-read', info: p.info, reason: p.reason, children: [] };
        const done = byId.get(p.info.id);
        if (done) return done;
        const message = failed.get(p.info.id) ?? 'Outlook did not give its content';
        return { status: 'not-read', info: p.info, reason: { kind: 'failed', message }, children: [] };
      });
    },
  };
}
