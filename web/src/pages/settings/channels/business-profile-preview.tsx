// The number's business info screen as a customer's phone shows it, drawn from the form's current
// values so every keystroke shows up. Empty fields are left out, as WhatsApp does.
import { useState, type ReactNode } from 'react';
import type { Channel } from '#api/channels/schemas';
import { Icon, type IconName } from '../../../components/icon.tsx';
import { websitesOf, type BusinessProfileFormValues } from './business-profile-form.ts';
import { verticalLabel } from './business-verticals.ts';

type BusinessProfilePreviewProps = {
  channel: Channel;
  values: BusinessProfileFormValues;
  pictureUrl: string | undefined;
};

export function BusinessProfilePreview({ channel, values, pictureUrl }: BusinessProfilePreviewProps) {
  const name = channel.verifiedName ?? channel.name;
  const category = verticalLabel(values.vertical);
  const email = values.email.trim();
  const websites = websitesOf(values);
  const hasDetails = [values.description, values.address, email].some((v) => v.trim() !== '') || websites.length > 0;

  return (
    <figure className="profile-preview" data-testid="profile-preview">
      <figcaption className="profile-preview-caption">What customers see in WhatsApp</figcaption>
      <div className="wa-profile">
        <div className="wa-profile-bar" aria-hidden="true">
          <Icon name="arrowLeft" size={18} />
          <span>Business info</span>
        </div>
        <div className="wa-profile-hero">
          <Avatar url={pictureUrl} />
          <p className="wa-profile-name">
            {name}
            <Icon name="check" size={12} className="wa-profile-verified" />
          </p>
          {channel.displayPhoneNumber && <p className="wa-profile-number">{channel.displayPhoneNumber}</p>}
          {category && <p className="wa-profile-category">{category}</p>}
        </div>
        {values.about.trim() !== '' && <div className="wa-profile-section wa-profile-about">{values.about.trim()}</div>}
        <div className="wa-profile-section">
          {!hasDetails && <p className="wa-profile-empty">No business details yet</p>}
          {values.description.trim() !== '' && <p className="wa-profile-description">{values.description.trim()}</p>}
          {values.address.trim() !== '' && <Row icon="mapPin">{values.address.trim()}</Row>}
          {email !== '' && <Row icon="mail">{isEmail(email) ? <a href={`mailto:${email}`}>{email}</a> : email}</Row>}
          {websites.map((url, index) => (
            <Row key={index} icon="globe">
              <WebLink url={url} />
            </Row>
          ))}
        </div>
      </div>
    </figure>
  );
}

function Row({ icon, children }: { icon: IconName; children: ReactNode }) {
  return (
    <div className="wa-profile-row">
      <Icon name={icon} size={18} className="wa-profile-row-icon" />
      <span className="wa-profile-row-text">{children}</span>
    </div>
  );
}

/** Meta's picture URL, or WhatsApp's grey placeholder when there is none or it fails to load. */
function Avatar({ url }: { url: string | undefined }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const src = url && webHref(url);
  if (!src || failedUrl === src) {
    return (
      <span className="wa-profile-avatar" aria-hidden="true">
        <Icon name="building" size={44} />
      </span>
    );
  }
  return <img className="wa-profile-avatar" src={src} alt="Profile picture" onError={() => setFailedUrl(src)} />;
}

/** Only web addresses become links: what is typed is not trusted to be one yet. */
function WebLink({ url }: { url: string }) {
  const href = webHref(url);
  return href ? (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {url}
    </a>
  ) : (
    <>{url}</>
  );
}

function webHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}
