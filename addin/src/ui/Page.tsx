import { Caption1, makeStyles, mergeClasses, Subtitle2, tokens, Title3 } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '48px',
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  mark: {
    display: 'grid',
    placeItems: 'center',
    width: '28px',
    height: '28px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  brand: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  headerEnd: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  main: {
    flexGrow: 1,
    width: '100%',
    boxSizing: 'border-box',
    maxWidth: '640px',
    marginLeft: 'auto',
    marginRight: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '@media (min-width: 600px)': {
      padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXXL}`,
    },
  },
  wide: { maxWidth: '960px' },
});

/** The frame every screen shares: a header with the brand, then one centred column. */
export function Page({
  brand,
  headerEnd,
  wide = false,
  children,
}: {
  brand?: string;
  headerEnd?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      {brand !== undefined && (
        <header className={styles.header}>
          <span className={styles.mark} aria-hidden="true">
            {brand.trim().charAt(0).toUpperCase()}
          </span>
          <Subtitle2 as="span" className={styles.brand}>
            {brand}
          </Subtitle2>
          {headerEnd !== undefined && <div className={styles.headerEnd}>{headerEnd}</div>}
        </header>
      )}
      <main className={mergeClasses(styles.main, wide && styles.wide)}>{children}</main>
    </div>
  );
}

const useHeroStyles = makeStyles({
  hero: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  icon: {
    display: 'grid',
    placeItems: 'center',
    width: '56px',
    height: '56px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontSize: '32px',
    marginBottom: tokens.spacingVerticalXS,
  },
  danger: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  // Title3 (28 px) suits the Teams tab; a 320–450 px task pane reads better at Subtitle1's 20 px.
  title: {
    margin: 0,
    '@media (max-width: 479px)': { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  },
  body: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** A screen's opening: icon, heading (the page's h1) and a sentence or two. */
export function Hero({
  icon,
  title,
  children,
  tone = 'brand',
}: {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
  tone?: 'brand' | 'danger';
}) {
  const styles = useHeroStyles();
  return (
    <div className={styles.hero}>
      <span className={mergeClasses(styles.icon, tone === 'danger' && styles.danger)} aria-hidden="true">
        {icon}
      </span>
      <Title3 as="h1" className={styles.title}>
        {title}
      </Title3>
      {children !== undefined && <div className={styles.body}>{children}</div>}
    </div>
  );
}

const useSectionStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
});

/** A white card on the grey page: groups one task's content and controls. */
export function Section({ children, label }: { children: ReactNode; label?: string }) {
  const styles = useSectionStyles();
  return (
    <section className={styles.card} aria-label={label}>
      {children}
    </section>
  );
}

const useSignedInStyles = makeStyles({
  text: { color: tokens.colorNeutralForeground3 },
});

/** The quiet line that tells the user which Microsoft 365 account they are using. */
export function SignedInAs({ children }: { children: ReactNode }) {
  const styles = useSignedInStyles();
  return <Caption1 className={styles.text}>{children}</Caption1>;
}
