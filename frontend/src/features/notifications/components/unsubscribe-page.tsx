import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';

import { PageHeader } from '@/components/page-header';
import { paths } from '@/config/paths';
import { errorMessage } from '@/lib/api/errors';

import { useUnsubscribe } from '../api/unsubscribe';

/** The page an e-mail's one-click link opens: one button stops that kind of e-mail. */
export function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const unsubscribe = useUnsubscribe();

  return (
    <Stack gap="md">
      <PageHeader title="Stop these e-mails" />
      {unsubscribe.isSuccess ? (
        <Alert color="green" title="Done">
          You will no longer receive “{unsubscribe.data.title}” e-mails. They still show in the app.
        </Alert>
      ) : (
        <>
          <Text>Stop receiving e-mails of the kind this link came with? You still see them in the app.</Text>
          {unsubscribe.isError && (
            <Alert color="red" title="This link does not work">
              {errorMessage(unsubscribe.error)}
            </Alert>
          )}
          <Button
            disabled={token === ''}
            loading={unsubscribe.isPending}
            onClick={() => {
              unsubscribe.mutate(token);
            }}
            w="fit-content"
          >
            Stop these e-mails
          </Button>
        </>
      )}
      <Anchor component={Link} to={paths.auth.login.getHref()} size="sm">
        Sign in to choose all your e-mail preferences
      </Anchor>
    </Stack>
  );
}
