import { Heading2, Paragraph } from '@utrecht/component-library-react';

/** Recovery codes as they are shown this once, with what to do with them. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <>
      <Heading2>Uw herstelcodes</Heading2>
      <Paragraph>
        Bewaar deze codes op een veilige plek, bijvoorbeeld in een wachtwoordkluis. Met elke code kunt u één keer inloggen als u uw telefoon kwijt bent. Ze
        worden maar één keer getoond.
      </Paragraph>
      <ul className="vs-totp__codes" aria-label="Herstelcodes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
