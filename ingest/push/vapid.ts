// VAPID keys: from the configuration when given, else generated once and stored, so every server and restart
// signs with the same key (a browser's subscription is bound to it).
import webpush from 'web-push';
import type { Db } from '../../sql/db.ts';
import { settingOnce } from '../../sql/queries/push.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** A contact for push services: mailto: or https: URL. */
  subject: string;
}

export async function loadVapidKeys(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<VapidKeys> {
  const subject = env.VAPID_SUBJECT || 'mailto:canhbao@hientruong.invalid';
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY)
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
  const stored = JSON.parse(await settingOnce(db, 'vapid_keys', JSON.stringify(webpush.generateVAPIDKeys()))) as {
    publicKey: string;
    privateKey: string;
  };
  return { ...stored, subject };
}
