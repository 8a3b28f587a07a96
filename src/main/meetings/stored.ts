import { z } from 'zod';
import { ATTENDEE_ROLES, linkSchema, STEP_KINDS, type Attendee, type Link } from '../../shared/meetings/model';
import type { AgendaState } from '../../shared/meetings/types';

/**
 * Reading the JSON columns of meetings, decisions and action items. Our own writers validate before
 * writing; these readers stay tolerant of older rows (the sample's `ops` role, an empty agenda `[]`)
 * so history written before a rule existed still opens.
 */

const storedAttendee = z.object({ name: z.string(), role: z.string() });

export function parseAttendees(json: string): Attendee[] {
  const parsed = z.array(storedAttendee).safeParse(JSON.parse(json));
  if (!parsed.success) return [];
  return parsed.data.map((a) => ({
    name: a.name,
    role: (ATTENDEE_ROLES as readonly string[]).includes(a.role) ? (a.role as Attendee['role']) : 'other',
  }));
}

const storedStep = z.object({
  kind: z.enum(STEP_KINDS),
  title: z.string().nullable(),
  budgetMs: z.number(),
  reachedAt: z.number().nullable(),
  spentMs: z.number(),
  notes: z.string(),
  carriedFrom: z.array(z.number()),
});
const storedAgenda = z.object({
  steps: z.array(storedStep),
  current: z.number().nullable(),
  currentSince: z.number().nullable(),
});

export const EMPTY_AGENDA: AgendaState = { steps: [], current: null, currentSince: null };

export function parseAgenda(json: string): AgendaState {
  const value: unknown = JSON.parse(json);
  // Meetings recorded before agendas were kept store `[]`.
  if (Array.isArray(value)) return EMPTY_AGENDA;
  const parsed = storedAgenda.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_AGENDA;
}

export function parseLink(json: string | null): Link | null {
  if (json === null) return null;
  const parsed = linkSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export const linkJson = (link: Link | null): string | null => (link === null ? null : JSON.stringify(link));
