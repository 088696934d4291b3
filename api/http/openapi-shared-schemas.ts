// A request or response schema that several operations share (a campaign answered by get,
// update, launch, pause…) is written once in components.schemas and referred to, instead of
// repeated inline: the document and the typed client generated from it shrink by about a third.
type JsonSchema = Record<string, unknown>;
type Media = { schema?: JsonSchema };
type OperationObject = {
  operationId: string;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
};

/** Schemas smaller than this stay inline: a reference would not save anything. */
const MIN_SHARED_LENGTH = 300;

export function shareRepeatedSchemas(
  paths: Record<string, Record<string, unknown>>,
  schemas: Record<string, JsonSchema>,
): void {
  const uses = new Map<string, { name: string; media: Media[] }>();
  for (const operation of Object.values(paths).flatMap((ops) => Object.values(ops) as OperationObject[])) {
    for (const [role, media] of mediaOf(operation)) {
      const text = JSON.stringify(media.schema);
      if (!media.schema || media.schema.$ref || text.length < MIN_SHARED_LENGTH) {
        continue;
      }
      const name = `${operation.operationId.charAt(0).toUpperCase()}${operation.operationId.slice(1)}${role}`;
      const use = uses.get(text) ?? { name, media: [] };
      use.media.push(media);
      uses.set(text, use);
    }
  }
  for (const { name, media } of uses.values()) {
    if (media.length > 1 && !(name in schemas)) {
      schemas[name] = media[0]!.schema!;
      for (const m of media) {
        m.schema = { $ref: `#/components/schemas/${name}` };
      }
    }
  }
}

function mediaOf(operation: OperationObject): [string, Media][] {
  const body = Object.values(operation.requestBody?.content ?? {}).map((m): [string, Media] => ['Body', m]);
  const responses = Object.entries(operation.responses).flatMap(([status, response]) =>
    Object.values(response.content ?? {}).map((m): [string, Media] => [`Response${status}`, m]),
  );
  return [...body, ...responses];
}
