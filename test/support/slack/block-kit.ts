/*
 * Block Kit limits, checked offline. Slack publishes no complete Block Kit JSON Schema (slack-api-specs#18)
 * and its `blocks.validate` method needs the internet, so the limits of slack-facts.md §5 (Slack's block and
 * view references, @slack/types JSDoc) live here. Slack answers `invalid_blocks` / `invalid_arguments` for
 * most of these; a few (the text fallback) only cost notifications and screen readers, and are checked
 * because the spec requires them.
 *
 * Each problem reads `path: what is wrong`, e.g. `blocks[3].text.text: 3001 chars > 3000 (section text)`.
 */

/** Where a payload is shown; the block count limit and the required top-level fields differ. */
export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS = { message: 50, modal: 100, home: 100 } as const;
const MAX_MESSAGE_TEXT = 40_000;
const MAX_SECTION_TEXT = 3000;
const MAX_SECTION_FIELDS = 10;
const MAX_FIELD_TEXT = 2000;
const MAX_HEADER_TEXT = 150;
const MAX_CONTEXT_ELEMENTS = 10;
const MAX_ACTIONS_ELEMENTS = 25;
const MAX_LABEL = 2000;
const MAX_ID = 255;
const MAX_URL = 3000;
const MAX_BUTTON_TEXT = 75;
const MAX_BUTTON_VALUE = 2000;
const MAX_OPTION_TEXT = 75;
const MAX_PLACEHOLDER = 150;
const MAX_INPUT_LENGTH = 3000;
const MAX_VIEW_TEXT = 24;
const MAX_PRIVATE_METADATA = 3000;
const MAX_MARKDOWN_TOTAL = 12_000;
const MAX_IMAGE_TEXT = 2000;

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

interface TextRule {
  label: string;
  max?: number;
  /** Slack requires plain_text here (headers, buttons, labels, titles, placeholders). */
  plainOnly?: boolean;
  required?: boolean;
}

class Walk {
  readonly problems: string[] = [];
  private readonly blockIds = new Set<string>();
  private readonly checkedTexts = new WeakSet<object>();
  private markdownChars = 0;

  problem(path: string, what: string): void {
    this.problems.push(`${path}: ${what}`);
  }

  /** A string field with a length limit; absent is fine unless `required`. */
  string(path: string, value: unknown, max: number, label: string, required = false): void {
    if (value === undefined || value === null) {
      if (required) this.problem(path, `missing (${label})`);
      return;
    }
    if (typeof value !== 'string') return this.problem(path, `not a string (${label})`);
    if (value.length > max) this.problem(path, `${value.length} chars > ${max} (${label})`);
  }

  text(path: string, value: unknown, rule: TextRule): void {
    if (value === undefined || value === null) {
      if (rule.required) this.problem(path, `missing (${rule.label})`);
      return;
    }
    if (!isObj(value)) return this.problem(path, `not a text object (${rule.label})`);
    this.checkedTexts.add(value);
    if (rule.plainOnly && value.type !== 'plain_text') return this.problem(`${path}.type`, `must be plain_text (${rule.label})`);
    this.textObjectShape(path, value);
    if (rule.max !== undefined && typeof value.text === 'string' && value.text.length > rule.max) {
      this.problem(`${path}.text`, `${value.text.length} chars > ${rule.max} (${rule.label})`);
    }
  }

  /** Rules for every text object, wherever it sits. */
  private textObjectShape(path: string, value: Obj): void {
    if (value.type !== 'plain_text' && value.type !== 'mrkdwn') this.problem(`${path}.type`, `text object type must be plain_text or mrkdwn, not ${JSON.stringify(value.type)}`);
    if (typeof value.text !== 'string' || value.text.length === 0) this.problem(`${path}.text`, 'empty text (invalid_blocks)');
    if ('emoji' in value && value.type !== 'plain_text') this.problem(`${path}.emoji`, 'emoji is only allowed on plain_text');
    if ('verbatim' in value && value.type !== 'mrkdwn') this.problem(`${path}.verbatim`, 'verbatim is only allowed on mrkdwn');
  }

  /** Catches text objects in places the typed walk does not know (new block types, attachments). */
  strayTexts(path: string, value: unknown): void {
    if (Array.isArray(value)) return value.forEach((item, i) => this.strayTexts(`${path}[${i}]`, item));
    if (!isObj(value)) return;
    if ((value.type === 'plain_text' || value.type === 'mrkdwn') && 'text' in value && !this.checkedTexts.has(value)) this.textObjectShape(path, value);
    for (const [key, child] of Object.entries(value)) this.strayTexts(path === '' ? key : `${path}.${key}`, child);
  }

  blocks(path: string, blocks: unknown, surface: Surface, counted = true): Obj[] {
    if (blocks === undefined) return [];
    if (!Array.isArray(blocks)) {
      this.problem(path, 'blocks must be an array');
      return [];
    }
    if (counted && blocks.length > MAX_BLOCKS[surface]) this.problem(path, `${blocks.length} blocks > ${MAX_BLOCKS[surface]} (blocks per ${surface})`);
    blocks.forEach((block, i) => this.block(`${path}[${i}]`, block));
    return blocks.filter(isObj);
  }

  private block(path: string, block: unknown): void {
    if (!isObj(block)) return this.problem(path, 'block is not an object');
    if (block.block_id !== undefined) {
      this.string(`${path}.block_id`, block.block_id, MAX_ID, 'block_id');
      if (typeof block.block_id === 'string') {
        if (this.blockIds.has(block.block_id)) this.problem(`${path}.block_id`, `duplicate block_id ${JSON.stringify(block.block_id)}`);
        this.blockIds.add(block.block_id);
      }
    }
    switch (block.type) {
      case 'section': {
        if (block.text === undefined && block.fields === undefined) this.problem(path, 'section needs text or fields');
        this.text(`${path}.text`, block.text, { label: 'section text', max: MAX_SECTION_TEXT });
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields)) this.problem(`${path}.fields`, 'fields must be an array');
          else {
            if (block.fields.length > MAX_SECTION_FIELDS) this.problem(`${path}.fields`, `${block.fields.length} fields > ${MAX_SECTION_FIELDS} (section fields)`);
            block.fields.forEach((field, i) => this.text(`${path}.fields[${i}]`, field, { label: 'section field', max: MAX_FIELD_TEXT, required: true }));
          }
        }
        if (block.accessory !== undefined) this.element(`${path}.accessory`, block.accessory);
        return;
      }
      case 'header':
        return this.text(`${path}.text`, block.text, { label: 'header text', max: MAX_HEADER_TEXT, plainOnly: true, required: true });
      case 'context': {
        const elements = this.list(`${path}.elements`, block.elements, MAX_CONTEXT_ELEMENTS, 'context elements');
        elements.forEach((element, i) => {
          const at = `${path}.elements[${i}]`;
          if (isObj(element) && element.type === 'image') this.image(at, element);
          else if (isObj(element) && (element.type === 'plain_text' || element.type === 'mrkdwn')) this.text(at, element, { label: 'context text' });
          else this.problem(at, 'context elements are image, plain_text or mrkdwn only');
        });
        return;
      }
      case 'actions': {
        const elements = this.list(`${path}.elements`, block.elements, MAX_ACTIONS_ELEMENTS, 'actions elements');
        const actionIds = new Set<string>();
        elements.forEach((element, i) => {
          this.element(`${path}.elements[${i}]`, element);
          const actionId = isObj(element) ? element.action_id : undefined;
          if (typeof actionId === 'string') {
            if (actionIds.has(actionId)) this.problem(`${path}.elements[${i}].action_id`, `duplicate action_id ${JSON.stringify(actionId)} in one block`);
            actionIds.add(actionId);
          }
        });
        return;
      }
      case 'input':
        this.text(`${path}.label`, block.label, { label: 'input label', max: MAX_LABEL, plainOnly: true, required: true });
        this.text(`${path}.hint`, block.hint, { label: 'input hint', max: MAX_LABEL, plainOnly: true });
        if (block.element === undefined) this.problem(`${path}.element`, 'missing (input element)');
        else this.element(`${path}.element`, block.element);
        return;
      case 'image':
        this.image(path, block);
        return this.text(`${path}.title`, block.title, { label: 'image title', max: MAX_IMAGE_TEXT, plainOnly: true });
      case 'markdown':
        // The 12,000 limit is cumulative over all markdown blocks of one payload; checked at the end.
        if (typeof block.text !== 'string' || block.text.length === 0) this.problem(`${path}.text`, 'empty text (invalid_blocks)');
        else this.markdownChars += block.text.length;
        return;
      case 'table': {
        const rows = this.list(`${path}.rows`, block.rows, 100, 'table rows');
        rows.forEach((row, i) => Array.isArray(row) && row.length > 20 && this.problem(`${path}.rows[${i}]`, `${row.length} cells > 20 (table cells per row)`));
        return;
      }
      case 'divider':
      case 'rich_text':
      case 'file':
      case 'video':
      case 'context_actions':
        return;
      default:
        return this.problem(`${path}.type`, `unknown block type ${JSON.stringify(block.type)}`);
    }
  }

  private list(path: string, value: unknown, max: number, label: string, min = 1): unknown[] {
    if (!Array.isArray(value)) {
      this.problem(path, `missing (${label})`);
      return [];
    }
    if (value.length > max) this.problem(path, `${value.length} items > ${max} (${label})`);
    if (value.length < min) this.problem(path, `${value.length} items < ${min} (${label})`);
    return value;
  }

  private image(path: string, image: Obj): void {
    if (image.slack_file === undefined) this.string(`${path}.image_url`, image.image_url, MAX_URL, 'image_url', true);
    this.string(`${path}.alt_text`, image.alt_text, MAX_IMAGE_TEXT, 'image alt_text', true);
  }

  private element(path: string, element: unknown): void {
    if (!isObj(element)) return this.problem(path, 'element is not an object');
    this.string(`${path}.action_id`, element.action_id, MAX_ID, 'action_id');
    this.text(`${path}.placeholder`, element.placeholder, { label: 'placeholder', max: MAX_PLACEHOLDER, plainOnly: true });
    if (element.confirm !== undefined) this.confirm(`${path}.confirm`, element.confirm);
    switch (element.type) {
      case 'button':
        this.text(`${path}.text`, element.text, { label: 'button text', max: MAX_BUTTON_TEXT, plainOnly: true, required: true });
        this.string(`${path}.value`, element.value, MAX_BUTTON_VALUE, 'button value');
        this.string(`${path}.url`, element.url, MAX_URL, 'button url');
        this.string(`${path}.accessibility_label`, element.accessibility_label, MAX_BUTTON_TEXT, 'button accessibility_label');
        if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') this.problem(`${path}.style`, 'style must be primary or danger');
        return;
      case 'static_select':
      case 'multi_static_select': {
        if (element.options === undefined && element.option_groups === undefined) this.problem(path, 'select needs options or option_groups');
        if (element.options !== undefined) this.options(`${path}.options`, element.options, 100, 'select options', true);
        if (element.option_groups !== undefined) {
          this.list(`${path}.option_groups`, element.option_groups, 100, 'option groups').forEach((group, i) => {
            const at = `${path}.option_groups[${i}]`;
            if (!isObj(group)) return this.problem(at, 'option group is not an object');
            this.text(`${at}.label`, group.label, { label: 'option group label', max: MAX_OPTION_TEXT, plainOnly: true, required: true });
            this.options(`${at}.options`, group.options, 100, 'options per group', true);
          });
        }
        return;
      }
      case 'overflow':
        return this.options(`${path}.options`, element.options, 5, 'overflow options', true, 2);
      case 'radio_buttons':
      case 'checkboxes':
        return this.options(`${path}.options`, element.options, 10, `${element.type} options`, false);
      case 'plain_text_input':
        for (const key of ['min_length', 'max_length'] as const) {
          const n = element[key];
          if (n !== undefined && (typeof n !== 'number' || n < 0 || n > MAX_INPUT_LENGTH)) this.problem(`${path}.${key}`, `${String(n)} not in 0–${MAX_INPUT_LENGTH} (plain_text_input ${key})`);
        }
        return;
      case 'image':
        return this.image(path, element);
      default:
        // Other elements (date pickers, user/conversation selects, number/email/url inputs) only share the generic checks.
        if (typeof element.type !== 'string') this.problem(`${path}.type`, 'element has no type');
        return;
    }
  }

  private options(path: string, value: unknown, max: number, label: string, plainOnly: boolean, min = 1): void {
    this.list(path, value, max, label, min).forEach((option, i) => {
      const at = `${path}[${i}]`;
      if (!isObj(option)) return this.problem(at, 'option is not an object');
      this.text(`${at}.text`, option.text, { label: 'option text', max: MAX_OPTION_TEXT, plainOnly, required: true });
      this.string(`${at}.value`, option.value, MAX_OPTION_TEXT, 'option value');
      this.text(`${at}.description`, option.description, { label: 'option description', max: MAX_OPTION_TEXT, plainOnly: true });
      this.string(`${at}.url`, option.url, MAX_URL, 'option url');
    });
  }

  private confirm(path: string, confirm: unknown): void {
    if (!isObj(confirm)) return this.problem(path, 'confirm is not an object');
    this.text(`${path}.title`, confirm.title, { label: 'confirm title', max: 100, plainOnly: true, required: true });
    this.text(`${path}.text`, confirm.text, { label: 'confirm text', max: 300, required: true });
    this.text(`${path}.confirm`, confirm.confirm, { label: 'confirm button', max: 30, plainOnly: true, required: true });
    this.text(`${path}.deny`, confirm.deny, { label: 'deny button', max: 30, plainOnly: true, required: true });
  }

  finish(): void {
    if (this.markdownChars > MAX_MARKDOWN_TOTAL) this.problem('blocks', `${this.markdownChars} markdown chars > ${MAX_MARKDOWN_TOTAL} (markdown blocks in total)`);
  }
}

/**
 * Every Block Kit limit `payload` breaks, as `path: what` lines (empty = fine). For `message`, pass a
 * chat.* / response_url body (`text`, `blocks`, `attachments`); for `modal` / `home`, a view or a body
 * holding one under `view` (views.open/update/push/publish, `ack({ response_action, view })`).
 */
export function blockKitProblems(payload: unknown, surface: Surface): string[] {
  const walk = new Walk();
  if (!isObj(payload)) return ['(payload): not an object'];
  if (surface === 'message') {
    // A delete needs nothing else; everything else the user sees needs a fallback for notifications.
    if (payload.delete_original !== true) {
      if (typeof payload.text !== 'string' || payload.text.trim() === '') walk.problem('text', 'missing fallback text (message text)');
      else walk.string('text', payload.text, MAX_MESSAGE_TEXT, 'message text');
    }
    walk.blocks('blocks', payload.blocks, surface);
    if (Array.isArray(payload.attachments)) {
      payload.attachments.forEach((attachment, i) => isObj(attachment) && walk.blocks(`attachments[${i}].blocks`, attachment.blocks, surface, false));
    }
  } else {
    const view = isObj(payload.view) && payload.type === undefined ? payload.view : payload;
    const prefix = view === payload ? '' : 'view.';
    if (view.type !== surface) walk.problem(`${prefix}type`, `expected ${surface}, got ${JSON.stringify(view.type)}`);
    if (view.blocks === undefined) walk.problem(`${prefix}blocks`, 'missing (view blocks)');
    const blocks = walk.blocks(`${prefix}blocks`, view.blocks, surface);
    walk.string(`${prefix}private_metadata`, view.private_metadata, MAX_PRIVATE_METADATA, 'private_metadata');
    walk.string(`${prefix}callback_id`, view.callback_id, MAX_ID, 'callback_id');
    walk.string(`${prefix}external_id`, view.external_id, MAX_ID, 'external_id');
    if (surface === 'modal') {
      walk.text(`${prefix}title`, view.title, { label: 'modal title', max: MAX_VIEW_TEXT, plainOnly: true, required: true });
      walk.text(`${prefix}submit`, view.submit, { label: 'modal submit', max: MAX_VIEW_TEXT, plainOnly: true });
      walk.text(`${prefix}close`, view.close, { label: 'modal close', max: MAX_VIEW_TEXT, plainOnly: true });
      if (view.submit === undefined && blocks.some((block) => block.type === 'input')) walk.problem(`${prefix}submit`, 'missing (a modal with input blocks needs submit)');
    }
  }
  walk.finish();
  walk.strayTexts('', payload);
  return walk.problems;
}

/** Throws one error listing every problem `blockKitProblems` finds; for tests. */
export function assertBlockKit(payload: unknown, surface: Surface): void {
  const problems = blockKitProblems(payload, surface);
  if (problems.length > 0) throw new Error(`Block Kit problems in a ${surface} payload:\n  ${problems.join('\n  ')}`);
}

/*
 * Slack markup that notifies people or hides a link (formatting reference: special mentions, user and
 * channel mentions, user groups, `<url|label>` links). Unlabelled `<url>` links count too: user text
 * should never be able to produce markup of any kind.
 */
const MARKUP = /<(?:!(?:channel|here|everyone)(?:\|[^>]*)?|!subteam\^[^>]*|@[UWB][A-Z0-9]+(?:\|[^>]*)?|#[CGD][A-Z0-9]+(?:\|[^>]*)?|(?:https?|mailto):[^>]*)>/g;

/** Keys whose strings Slack renders with markup: text objects and message text, plus legacy attachment fields. */
const RENDERED_KEYS = new Set(['text', 'fallback', 'pretext', 'footer', 'author_name', 'title']);

/**
 * Every piece of live Slack markup (`<!here>`, `<@U…>`, `<#C…>`, `<!subteam^…>`, `<http…|…>`) in the rendered text
 * of `payload`, as `path: markup`. Markup equal to a string in `allow`, or matching a RegExp there, is the app's own
 * (e.g. `/^<https:\/\/support\.google\.com\//`) and is not reported.
 */
export function unescapedUserMarkup(payload: unknown, allow: ReadonlyArray<string | RegExp> = []): string[] {
  const found: string[] = [];
  const allowed = (markup: string) => allow.some((entry) => (typeof entry === 'string' ? entry === markup : entry.test(markup)));
  const visit = (path: string, value: unknown, key: string | undefined, parent: Obj | undefined): void => {
    if (typeof value === 'string') {
      // rich_text `text` elements are shown literally, so markup characters in them are harmless.
      if (key === undefined || !RENDERED_KEYS.has(key) || parent?.type === 'text') return;
      for (const match of value.matchAll(MARKUP)) if (!allowed(match[0])) found.push(`${path}: ${match[0]}`);
      return;
    }
    if (Array.isArray(value)) return value.forEach((item, i) => visit(`${path}[${i}]`, item, key, parent));
    if (isObj(value)) for (const [childKey, child] of Object.entries(value)) visit(path === '' ? childKey : `${path}.${childKey}`, child, childKey, value);
  };
  visit('', payload, undefined, undefined);
  return found;
}
