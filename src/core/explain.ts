import { TOPICS } from '../content/topics.js';
import type { Topic } from '../content/types.js';

export interface Explanation {
  topic: string;
  title: string;
  text: string;
}

function key(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_]+/g, '-').replace(/-+/g, '-');
}

/** Finds a topic by id or by what users type for it ("pop3", "ssl", "app password"). */
export function findTopic(name: string): Topic | null {
  const wanted = key(name);
  if (wanted === '') return null;
  return (
    TOPICS.find((t) => t.id === wanted) ??
    TOPICS.find((t) => t.aliases.some((a) => key(a) === wanted)) ??
    null
  );
}

export function explain(name: string): Explanation | null {
  const topic = findTopic(name);
  return topic ? { topic: topic.id, title: topic.title, text: topic.text } : null;
}

export function topicIds(): string[] {
  return TOPICS.map((t) => t.id);
}
