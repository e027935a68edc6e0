import * as React from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

/** What GET /admin/co/volunteer-applications/summary answers (cms/src/volunteering/export.ts). */
interface Summary {
  total: number;
  counts: Record<string, number>;
  reserve: number;
  waitingOverWeek: number;
}

const STATES: [string, string][] = [
  ['submitted', 'czekają na odpowiedź organizacji'],
  ['accepted', 'przyjęte'],
  ['declined', 'odrzucone'],
  ['awaiting_confirmation', 'czekają na potwierdzenie e-mailem'],
  ['withdrawn', 'wycofane'],
  ['expired', 'niepotwierdzone'],
];

/** The applications of the offer open in the edit view: counts per state, the list, the CSV export. */
export function VolunteerApplicationsSummary({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const [summary, setSummary] = React.useState<Summary | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<{ data: Summary }>(`/admin/co/volunteer-applications/summary?offer=${documentId}`).then(
      (response) => setSummary(response.data.data),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [documentId, get]);

  const download = async () => {
    const response = await get<Blob>(`/admin/co/volunteer-applications.csv?offer=${documentId}`, { responseType: 'blob' });
    const url = URL.createObjectURL(response.data);
    const link = document.createElement('a');
    link.href = url;
    link.download = `zgloszenia-${documentId}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  if (error) return <Typography textColor="danger600">Nie udało się wczytać zgłoszeń: {error}</Typography>;
  if (!summary) return <Typography>Wczytywanie zgłoszeń…</Typography>;
  const list = `/admin/content-manager/collection-types/api::volunteer-application.volunteer-application?filters[$and][0][offerDocumentId][$eq]=${documentId}`;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Typography variant="omega">Zgłoszenia przez stronę: {summary.total}</Typography>
      {STATES.filter(([state]) => summary.counts[state]).map(([state, label]) => (
        <Typography key={state} variant="pi">
          {label}: {summary.counts[state]}
        </Typography>
      ))}
      {summary.reserve > 0 && <Typography variant="pi">w tym rezerwowe: {summary.reserve}</Typography>}
      {summary.waitingOverWeek > 0 && (
        <Typography variant="pi" textColor="danger600">
          Bez odpowiedzi ponad tydzień: {summary.waitingOverWeek}
        </Typography>
      )}
      <Button variant="secondary" onClick={() => void download()} disabled={summary.total === 0}>
        Pobierz listę (CSV)
      </Button>
      <Button variant="tertiary" tag="a" href={list}>
        Otwórz listę zgłoszeń
      </Button>
    </Flex>
  );
}

/** The side panel of an offer's edit view (content-manager API addEditViewSidePanel). */
export const VolunteerApplicationsPanel = ({ model, documentId }: { model: string; documentId?: string }) =>
  model === 'api::volunteer-offer.volunteer-offer' && documentId ? { title: 'Zgłoszenia', content: <VolunteerApplicationsSummary documentId={documentId} /> } : null;
