import * as React from 'react';
import { Badge, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { GuideRating } from '../feedback/service';
import { FEEDBACK_REASONS, type FeedbackReason } from '../shared/guide-feedback';

const percent = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);

/** What readers said of the guide open in the edit view: the answers, the reasons and the newest comments. */
export function GuideFeedbackSummary({ documentId }: { documentId: string }) {
  const { get } = useFetchClient();
  const [rating, setRating] = React.useState<GuideRating | null | undefined>(undefined);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get<{ data: GuideRating[] }>(`/admin/co/guide-feedback?guide=${documentId}`).then(
      (response) => setRating(response.data.data[0] ?? null),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [documentId, get]);

  if (error) return <Typography textColor="danger600">Nie udało się wczytać ocen: {error}</Typography>;
  if (rating === undefined) return <Typography>Wczytywanie ocen…</Typography>;
  if (rating === null) return <Typography variant="pi">Nikt jeszcze nie ocenił tego poradnika.</Typography>;
  const reasons = (Object.entries(rating.reasons) as [FeedbackReason, number][]).filter(([, count]) => count > 0);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Typography variant="omega">
        Pomocny dla {percent(rating.share)} ({rating.helpful} z {rating.votes})
      </Typography>
      {rating.needsImprovement && <Badge>do poprawy</Badge>}
      <Typography variant="pi">
        Od ostatniej zmiany: tak {rating.latestVersion.helpful}, nie {rating.latestVersion.notHelpful}
      </Typography>
      {reasons.map(([reason, count]) => (
        <Typography key={reason} variant="pi">
          {FEEDBACK_REASONS[reason]}: {count}
        </Typography>
      ))}
      {rating.comments.map((comment) => (
        <Typography key={comment.createdAt + comment.comment} tag="p" variant="pi">
          „{comment.comment}”
        </Typography>
      ))}
      <Button variant="tertiary" tag="a" href="/admin/oceny-poradnikow">
        Wszystkie oceny poradników
      </Button>
    </Flex>
  );
}

/** The side panel of a guide's edit view (content-manager API addEditViewSidePanel). */
export const GuideFeedbackPanel = ({ model, documentId }: { model: string; documentId?: string }) =>
  model === 'api::guide.guide' && documentId ? { title: 'Oceny czytelników', content: <GuideFeedbackSummary documentId={documentId} /> } : null;
