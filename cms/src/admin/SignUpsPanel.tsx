import * as React from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

/** What GET /admin/co/registrations/summary answers (cms/src/registrations/export.ts). */
interface Summary {
  total: number;
  counts: Record<string, number>;
  seatsHeld: Record<string, number>;
  tallies: { occurrenceDate: string; registered: number; attended: number; noShow: number; cancelled: number; waitlisted: number }[];
}

const STATES: [string, string][] = [
  ['confirmed', 'potwierdzone'],
  ['awaiting_confirmation', 'czekają na potwierdzenie e-mailem'],
  ['awaiting_approval', 'czekają na akceptację'],
  ['waitlisted', 'na liście rezerwowej'],
  ['attended', 'obecni'],
  ['no_show', 'nieobecni'],
  ['cancelled', 'rezygnacje'],
  ['rejected', 'odrzucone'],
  ['expired', 'wygasłe'],
];

/** The sign-ups of the event open in the edit view: counts per state, seats per date, the CSV export. */
export function SignUpsSummary({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const [summary, setSummary] = React.useState<Summary | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<{ data: Summary }>(`/admin/co/registrations/summary?event=${documentId}`).then(
      (response) => setSummary(response.data.data),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [documentId, get]);

  const download = async () => {
    const response = await get<Blob>(`/admin/co/registrations.csv?event=${documentId}`, { responseType: 'blob' });
    const url = URL.createObjectURL(response.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = `zapisy-${documentId}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  if (error) return <Typography textColor="danger600">Nie udało się wczytać zapisów: {error}</Typography>;
  if (!summary) return <Typography>Wczytywanie zapisów…</Typography>;
  const list = `/admin/content-manager/collection-types/api::registration.registration?filters[$and][0][eventDocumentId][$eq]=${documentId}`;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Typography variant="omega">Zapisy przez stronę: {summary.total}</Typography>
      {STATES.filter(([state]) => summary.counts[state]).map(([state, label]) => (
        <Typography key={state} variant="pi">
          {label}: {summary.counts[state]}
        </Typography>
      ))}
      {Object.keys(summary.seatsHeld).length > 0 && (
        <Box>
          <Typography variant="sigma">Zajęte miejsca</Typography>
          {Object.entries(summary.seatsHeld).map(([when, held]) => (
            <Typography key={when} tag="p" variant="pi">
              {when}: {held}
            </Typography>
          ))}
        </Box>
      )}
      {summary.tallies.length > 0 && (
        <Box>
          <Typography variant="sigma">Minione terminy (dane osobowe usunięte)</Typography>
          {summary.tallies.map((tally) => (
            <Typography key={tally.occurrenceDate} tag="p" variant="pi">
              {tally.occurrenceDate}: zapisanych {tally.registered}, obecnych {tally.attended}, nieobecnych {tally.noShow}, rezygnacji {tally.cancelled}
            </Typography>
          ))}
        </Box>
      )}
      <Button variant="secondary" onClick={() => void download()} disabled={summary.total === 0}>
        Pobierz listę (CSV)
      </Button>
      <Button variant="tertiary" tag="a" href={list}>
        Otwórz listę zapisów
      </Button>
    </Flex>
  );
}

/** The side panel of an event's edit view (content-manager API addEditViewSidePanel). */
export const SignUpsPanel = ({ model, documentId }: { model: string; documentId?: string }) =>
  model === 'api::event.event' && documentId ? { title: 'Zapisy', content: <SignUpsSummary documentId={documentId} /> } : null;
