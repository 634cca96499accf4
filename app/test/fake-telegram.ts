/**
 * A fake Telegram Bot API server for the tests (no internet): the methods the portal's bot
 * calls (getMe, getUpdates, setWebhook, deleteWebhook, sendMessage), a chat's messages to the
 * bot (delivered by long polling or posted to the registered webhook with its secret token, as
 * Telegram does), and failures on demand. Tests in the same process use the object; a browser
 * test in another process uses the control addresses under /__fake/.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SentMessage {
  chatId: string;
  text: string;
  messageId: number;
}

export interface FakeUpdateInput {
  chatId: number;
  text: string;
  /** Defaults to the chat id: a private chat's id is its user's. */
  fromId?: number;
  chatType?: "private" | "group";
  fromBot?: boolean;
}

interface Failure {
  errorCode: number;
  description: string;
  retryAfter?: number;
}

type Json = Record<string, unknown>;

export class FakeTelegram {
  readonly sent: SentMessage[] = [];
  readonly calls: { method: string; body: Json }[] = [];
  webhook: { url: string; secret: string | null } | null = null;
  private updates: Json[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private failures: Failure[] = [];
  private waiting: (() => void)[] = [];
  private sentListeners: (() => void)[] = [];
  private server: http.Server;
  port = 0;

  constructor(
    readonly token: string,
    readonly username = "career_pathways_test_bot",
  ) {
    this.server = http.createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  }

  async listen(port = 0, host = "127.0.0.1"): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, host, resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get apiRoot() {
    return `http://127.0.0.1:${this.port}`;
  }

  async close() {
    for (const wake of this.waiting.splice(0)) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset() {
    this.sent.length = 0;
    this.calls.length = 0;
    this.updates = [];
    this.failures = [];
  }

  /** The next `count` sendMessage calls answer with this error. */
  failNext(count: number, failure: Failure) {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  messagesTo(chatId: number | string): SentMessage[] {
    return this.sent.filter((m) => m.chatId === String(chatId));
  }

  /** Resolves when a sent message matches (checked after every sendMessage), or rejects after `ms`. */
  waitForMessage(match: (m: SentMessage) => boolean, ms = 10_000): Promise<SentMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.sent.find(match);
        if (!found) return false;
        clearTimeout(timer);
        this.sentListeners = this.sentListeners.filter((l) => l !== listener);
        resolve(found);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        this.sentListeners = this.sentListeners.filter((l) => l !== listener);
        reject(new Error("no matching message was sent to the fake Telegram"));
      }, ms);
      if (!check()) this.sentListeners.push(listener);
    });
  }

  makeUpdate(input: FakeUpdateInput): Json {
    const command = /^\/\w+/.exec(input.text);
    const fromId = input.fromId ?? input.chatId;
    return {
      update_id: this.nextUpdateId++,
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: input.chatType === "group" ? { id: input.chatId, type: "group", title: "A group" } : { id: input.chatId, type: "private", first_name: "Trainer" },
        from: { id: fromId, is_bot: input.fromBot ?? false, first_name: "Trainer" },
        text: input.text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    };
  }

  /**
   * A chat writes to the bot. With a webhook registered, the update is posted to it (with the
   * secret token) and this resolves with the webhook's status; otherwise it waits for getUpdates.
   */
  async pushUpdate(input: FakeUpdateInput): Promise<number | null> {
    const update = this.makeUpdate(input);
    if (this.webhook) {
      const response = await fetch(this.webhook.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(this.webhook.secret ? { "x-telegram-bot-api-secret-token": this.webhook.secret } : {}) },
        body: JSON.stringify(update),
      });
      await response.text();
      return response.status;
    }
    this.updates.push(update);
    for (const wake of this.waiting.splice(0)) wake();
    return null;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://fake");
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const body: Json = raw ? (JSON.parse(raw) as Json) : Object.fromEntries(url.searchParams);
    const reply = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    };

    if (url.pathname === "/") return reply(200, { fake: "telegram" });
    if (url.pathname.startsWith("/__fake/")) return this.control(url.pathname.slice("/__fake/".length), body, reply);

    const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!match) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    if (match[1] !== this.token) return reply(401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2]!;
    this.calls.push({ method, body });
    switch (method) {
      case "getMe":
        return reply(200, {
          ok: true,
          result: {
            id: Number(this.token.split(":")[0]),
            is_bot: true,
            first_name: "Career Pathways",
            username: this.username,
            can_join_groups: false,
            can_read_all_group_messages: false,
            supports_inline_queries: false,
          },
        });
      case "setWebhook":
        this.webhook = { url: String(body.url), secret: typeof body.secret_token === "string" ? body.secret_token : null };
        return reply(200, { ok: true, result: true });
      case "deleteWebhook":
        this.webhook = null;
        return reply(200, { ok: true, result: true });
      case "getUpdates":
        return reply(200, { ok: true, result: await this.getUpdates(Number(body.offset ?? 0), Number(body.timeout ?? 0)) });
      case "sendMessage": {
        const failure = this.failures.shift();
        if (failure) {
          return reply(failure.errorCode, {
            ok: false,
            error_code: failure.errorCode,
            description: failure.description,
            ...(failure.retryAfter ? { parameters: { retry_after: failure.retryAfter } } : {}),
          });
        }
        const message = { chatId: String(body.chat_id), text: String(body.text), messageId: this.nextMessageId++ };
        this.sent.push(message);
        for (const listener of [...this.sentListeners]) listener();
        return reply(200, {
          ok: true,
          result: {
            message_id: message.messageId,
            date: Math.floor(Date.now() / 1000),
            chat: { id: Number(body.chat_id), type: "private" },
            text: message.text,
          },
        });
      }
      default:
        return reply(200, { ok: true, result: true });
    }
  }

  /** Long polling: answer at once when updates wait, else when one arrives (or the poll times out). */
  private async getUpdates(offset: number, timeoutSeconds: number): Promise<Json[]> {
    this.updates = this.updates.filter((u) => (u.update_id as number) >= offset);
    if (this.updates.length === 0 && timeoutSeconds > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(timeoutSeconds, 30) * 1000);
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.updates.filter((u) => (u.update_id as number) >= offset);
  }

  private async control(action: string, body: Json, reply: (status: number, value: unknown) => void) {
    switch (action) {
      case "messages":
        return reply(200, this.sent);
      case "updates":
        return reply(200, { webhookStatus: await this.pushUpdate(body as unknown as FakeUpdateInput) });
      case "fail":
        this.failNext(Number(body.count ?? 1), { errorCode: Number(body.errorCode ?? 500), description: String(body.description ?? "Internal Server Error") });
        return reply(200, { ok: true });
      case "reset":
        this.reset();
        return reply(200, { ok: true });
      default:
        return reply(404, { ok: false });
    }
  }
}
