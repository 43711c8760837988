// Offline checks for event-based activation in the XML manifest (the send guard's Smart Alerts):
// the LaunchEvent extension point, its events and send modes, and the Runtimes element that gives
// classic Outlook on Windows its JavaScript file and the other clients their HTML page.
// Sources: learn.microsoft.com/javascript/api/manifest/launchevent, …/launchevents, …/runtimes,
// …/override (RuntimeOverride) and office/dev/add-ins/outlook/autolaunch (docs/decisions/send-guard.md).
import type { Element as XmlElement } from '@xmldom/xmldom';
import {
  children,
  descendants,
  ownDescendants,
  pathOf,
  resourcesIn,
  xsiType,
  type Report,
} from './check-manifest-dom';

/** Events an Outlook add-in-only manifest may name (LaunchEvent Type). */
export const LAUNCH_EVENT_TYPES = [
  'OnNewMessageCompose',
  'OnNewAppointmentOrganizer',
  'OnMessageAttachmentsChanged',
  'OnAppointmentAttachmentsChanged',
  'OnMessageRecipientsChanged',
  'OnAppointmentAttendeesChanged',
  'OnAppointmentTimeChanged',
  'OnAppointmentRecurrenceChanged',
  'OnInfoBarDismissClicked',
  'OnMessageSend',
  'OnAppointmentSend',
  'OnMessageCompose',
  'OnAppointmentOrganizer',
  'OnMessageFromChanged',
  'OnAppointmentFromChanged',
  'OnSensitivityLabelChanged',
  'OnMessageReadWithCustomAttachment',
  'OnMessageReadWithCustomHeader',
  'OnMailboxAttached',
  'OnMessageRead',
] as const;

const SEND_EVENTS = ['OnMessageSend', 'OnAppointmentSend'];
const SEND_MODES = ['PromptUser', 'SoftBlock', 'Block'];
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function urlOf(v11: XmlElement, resid: string): string | undefined {
  return resourcesIn(v11, 'Urls').get(resid)?.getAttribute('DefaultValue') ?? undefined;
}

function checkRuntimes(v11: XmlElement, report: Report): Map<string, XmlElement> {
  const byResid = new Map<string, XmlElement>();
  for (const runtimes of ownDescendants(v11, 'Runtimes')) {
    const host = runtimes.parentNode as XmlElement | null;
    if (host?.localName !== 'Host') report(pathOf(runtimes), 'Runtimes must be a child of Host');
    else if (children(host)[0] !== runtimes)
      report(pathOf(runtimes), 'Runtimes must come first in Host, before DesktopFormFactor');
    for (const runtime of children(runtimes, 'Runtime')) {
      const resid = runtime.getAttribute('resid') ?? '';
      byResid.set(resid, runtime);
      const page = urlOf(v11, resid);
      if (page !== undefined && !/\.html?(\?|$)/.test(page))
        report(pathOf(runtime), `the runtime's page ${page} must be an HTML page (web, new Outlook, Mac)`);
      const scripts = children(runtime, 'Override').filter((o) => o.getAttribute('type') === 'javascript');
      for (const o of children(runtime, 'Override'))
        if (o.getAttribute('type') !== 'javascript')
          report(
            pathOf(o),
            `a runtime Override must have type="javascript", got "${o.getAttribute('type')}"`,
          );
      for (const script of scripts) {
        const url = urlOf(v11, script.getAttribute('resid') ?? '');
        if (url !== undefined && !/\.js(\?|$)/.test(url))
          report(pathOf(script), `the JavaScript-only runtime's file ${url} must be a .js file`);
      }
      if (scripts.length === 0)
        report(
          pathOf(runtime),
          'a runtime for event-based activation needs <Override type="javascript"> for classic Outlook on Windows',
        );
    }
  }
  return byResid;
}

/** Launch events, their send modes, and the runtime each extension point names. */
export function checkLaunchEvents(v11: XmlElement, report: Report): void {
  const runtimes = checkRuntimes(v11, report);
  const points = ownDescendants(v11, 'ExtensionPoint').filter((e) => xsiType(e) === 'LaunchEvent');
  const seen = new Set<string>();
  for (const point of points) {
    if ((point.parentNode as XmlElement | null)?.localName !== 'DesktopFormFactor')
      report(pathOf(point), 'a LaunchEvent extension point belongs in DesktopFormFactor');
    const lists = children(point, 'LaunchEvents');
    if (lists.length !== 1) report(pathOf(point), 'a LaunchEvent extension point needs one LaunchEvents');
    for (const event of descendants(point, 'LaunchEvent')) {
      const type = event.getAttribute('Type') ?? '';
      const where = pathOf(event);
      if (!(LAUNCH_EVENT_TYPES as readonly string[]).includes(type))
        report(where, `unknown launch event Type "${type}"`);
      if (seen.has(type)) report(where, `${type} is declared more than once (one instance per add-in)`);
      seen.add(type);
      const fn = event.getAttribute('FunctionName') ?? '';
      if (!IDENTIFIER.test(fn)) report(where, `FunctionName "${fn}" must name a JavaScript function`);
      const mode = event.getAttribute('SendMode');
      if (SEND_EVENTS.includes(type)) {
        if (mode !== null && !SEND_MODES.includes(mode))
          report(where, `SendMode must be one of ${SEND_MODES.join(', ')}, got "${mode}"`);
      } else if (mode !== null) report(where, `SendMode only applies to ${SEND_EVENTS.join(' and ')}`);
    }
    const source = children(point, 'SourceLocation')[0];
    const resid = source?.getAttribute('resid') ?? '';
    if (!source) report(pathOf(point), 'a LaunchEvent extension point needs a SourceLocation');
    else if (!runtimes.has(resid))
      report(pathOf(source), `SourceLocation "${resid}" must name a Runtime in Host/Runtimes`);
  }
  if (points.length === 0 && runtimes.size > 0)
    report(pathOf(v11), 'Runtimes are declared but no LaunchEvent extension point uses them');
}
