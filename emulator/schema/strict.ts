// Graph refuses a request body that names a property its type does not declare: 400 with
// "The property 'x' does not exist on type 'microsoft.graph.y'" (OData's reader; see
// docs/decisions/emulator.md, "Request bodies"). The emulator does the same from the tables
// generated out of @microsoft/microsoft-graph-types, so it cannot accept what v1.0 refuses.
import { type EmuRequest, jsonBody } from '../context';
import { badRequest } from '../errors';
import { GRAPH_V1_TYPES } from './graph-v1';

/** Open types take any property (SharePoint columns are the fieldValueSet's properties). */
const OPEN_TYPES = new Set(['FieldValueSet']);

/**
 * Action parameters are not types in the package: they come from each action's page.
 * move/copy: learn.microsoft.com/graph/api/message-move, message-copy;
 * forward: learn.microsoft.com/graph/api/message-forward.
 */
export const ACTION_PARAMETERS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  move: { destinationId: 'string' },
  copy: { destinationId: 'string' },
  forward: { comment: 'string', toRecipients: 'Recipient[]', message: 'Message' },
};

export type BodyType = keyof typeof GRAPH_V1_TYPES & string;

/** `ChoiceColumn` → `microsoft.graph.choiceColumn`, as Graph names types in its messages. */
export function qualifiedName(type: string): string {
  return `microsoft.graph.${type.charAt(0).toLowerCase()}${type.slice(1)}`;
}

const PRIMITIVE: Record<string, string> = { string: 'string', boolean: 'boolean', number: 'number' };
const EDM: Record<string, string> = { string: 'Edm.String', boolean: 'Edm.Boolean', number: 'Edm.Double' };

/** Instance annotations (`@odata.type`, `X@odata.type`) are not properties. */
const isAnnotation = (key: string): boolean => key.includes('@');

function checkValue(value: unknown, declared: string, where: string): void {
  if (value === null || value === undefined) return;
  if (declared.endsWith('[]')) {
    if (!Array.isArray(value))
      throw badRequest(
        `A node of type '${typeof value}' was read where a collection was expected (${where}).`,
      );
    value.forEach((v, i) => checkValue(v, declared.slice(0, -2), `${where}[${i}]`));
    return;
  }
  const primitive = PRIMITIVE[declared];
  if (primitive) {
    if (typeof value !== primitive)
      throw badRequest(
        `Cannot convert the literal '${JSON.stringify(value)}' to the expected type '${EDM[declared]}' (${where}).`,
      );
    return;
  }
  if (declared in GRAPH_V1_TYPES) checkObject(value, declared, where);
}

function checkObject(value: unknown, type: string, where: string): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(`A value of type '${qualifiedName(type)}' must be a JSON object (${where || 'body'}).`);
  if (OPEN_TYPES.has(type)) return;
  const props = GRAPH_V1_TYPES[type] ?? {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (isAnnotation(key)) continue;
    const declared = props[key];
    if (declared === undefined)
      throw badRequest(
        `The property '${key}' does not exist on type '${qualifiedName(type)}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    checkValue(v, declared, where ? `${where}.${key}` : key);
  }
}

/** Throws Graph's 400 when `body` is not a `type` as v1.0 declares it. */
export function checkBody(body: unknown, type: BodyType): void {
  checkObject(body, type, '');
}

/** The JSON body of a request, refused unless it is a `type`. */
export function typedBody(req: EmuRequest, type: BodyType): Record<string, unknown> {
  const body = jsonBody(req);
  checkBody(body, type);
  return body;
}

/** The JSON body of an action (`move`, `forward`, …), refused on an unknown parameter. */
export function actionBody(req: EmuRequest, action: keyof typeof ACTION_PARAMETERS): Record<string, unknown> {
  const body = jsonBody(req);
  const params = ACTION_PARAMETERS[action] ?? {};
  for (const [key, v] of Object.entries(body)) {
    const declared = params[key];
    if (declared === undefined)
      throw badRequest(
        `The parameter '${key}' in the request payload is not a valid parameter for the operation '${action}'.`,
      );
    checkValue(v, declared, key);
  }
  return body;
}
