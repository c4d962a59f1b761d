import { Fragment } from 'react';

/** An e-mail address that may wrap before its "@" (and nowhere else unless it must) in a narrow column. */
export function Email({ address }: { address: string }) {
  const at = address.indexOf('@');
  if (at <= 0) return <>{address}</>;
  return (
    <Fragment>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </Fragment>
  );
}
