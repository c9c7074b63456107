// The baseline for bench/slack-ack.ts: a Bolt app in HTTP mode that only acks /emailhelp.
// Same Bolt, same receiver, same signature check as emailhelp; nothing after the ack.
import bolt from '@slack/bolt';

const app = new bolt.App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  port: Number(process.env.PORT),
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: bolt.LogLevel.ERROR,
});
app.command('/emailhelp', async ({ ack }) => {
  await ack();
});
await app.start();
process.stdout.write('listening\n');
