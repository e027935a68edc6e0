import * as React from 'react';
import { Badge, Box, Flex, Main, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, useFetchClient } from '@strapi/strapi/admin';
import type { GuideRating } from '../feedback/service';
import { FEEDBACK_REASONS, type FeedbackReason } from '../shared/guide-feedback';

// What GET /admin/co/guide-feedback answers (a type only: nothing of the server reaches the admin bundle).
type Rating = GuideRating;


const percent = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);
const day = (iso: string): string => new Date(iso).toLocaleDateString('pl-PL', { timeZone: 'Europe/Warsaw' });

/** The editors' page "Oceny poradników": every rated guide, those that need improvement first. */
export default function GuideRatingsPage() {
  const { get } = useFetchClient();
  const [ratings, setRatings] = React.useState<Rating[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<{ data: Rating[] }>('/admin/co/guide-feedback').then(
      (response) => setRatings(response.data.data),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [get]);

  return (
    <Main>
      <Layouts.Header
        title="Oceny poradników"
        subtitle="Odpowiedzi na „Czy ten poradnik był pomocny?”. Najpierw poradniki do poprawy: poniżej 60% odpowiedzi „Tak” przy co najmniej 10 głosach."
      />
      <Layouts.Content>
        {error && <Typography textColor="danger600">Nie udało się wczytać ocen: {error}</Typography>}
        {!error && !ratings && <Typography>Wczytywanie ocen…</Typography>}
        {ratings && ratings.length === 0 && <Typography>Żaden poradnik nie ma jeszcze ocen.</Typography>}
        {ratings && ratings.length > 0 && (
          <Table colCount={5} rowCount={ratings.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">Poradnik</Typography></Th>
                <Th><Typography variant="sigma">Pomocny</Typography></Th>
                <Th><Typography variant="sigma">Głosy (tak / nie)</Typography></Th>
                <Th><Typography variant="sigma">Powody „nie”</Typography></Th>
                <Th><Typography variant="sigma">Najnowsze uwagi</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {ratings.map((rating) => (
                <Tr key={rating.guideDocumentId}>
                  <Td>
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <Typography tag="a" href={`/admin/content-manager/collection-types/api::guide.guide/${rating.guideDocumentId}`} fontWeight="bold">
                        {rating.title}
                      </Typography>
                      {rating.needsImprovement && <Badge>do poprawy</Badge>}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography>{percent(rating.share)}</Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="flex-start">
                      <Typography>
                        {rating.votes} ({rating.helpful} / {rating.notHelpful})
                      </Typography>
                      <Typography variant="pi" textColor="neutral600">
                        od wersji z {day(rating.latestVersion.updatedAt)}: {rating.latestVersion.helpful} / {rating.latestVersion.notHelpful}
                      </Typography>
                    </Flex>
                  </Td>
                  <Td>
                    <Typography variant="pi">
                      {(Object.entries(FEEDBACK_REASONS) as [FeedbackReason, string][]).filter(([reason]) => rating.reasons[reason]).map(([reason, label]) => `${label}: ${rating.reasons[reason]}`).join(', ') || '–'}
                    </Typography>
                  </Td>
                  <Td>
                    <Box maxWidth="28rem">
                      {rating.comments.length === 0 && <Typography variant="pi">–</Typography>}
                      {rating.comments.map((comment) => (
                        <Typography key={comment.createdAt + comment.comment} tag="p" variant="pi" style={{ whiteSpace: 'normal' }}>
                          {day(comment.createdAt)}: „{comment.comment}”
                        </Typography>
                      ))}
                    </Box>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Main>
  );
}
