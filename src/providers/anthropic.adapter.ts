// The Anthropic Messages API (POST {base}/v1/messages), streamed as server-sent events.
import Anthropic from '@anthropic-ai/sdk';
import type { MessageCreateParamsStreaming } from '@anthropic-ai/sdk/resources/messages';
import { runMeasuredCall, SDK_TIMEOUT_SLACK_MS } from './measured-call.js';
import type {
  CallOptions,
  CallResult,
  ChatRequest,
  ConfiguredProviderSettings,
  ProviderAdapter,
} from './provider.types.js';

export class AnthropicAdapter implements ProviderAdapter {
  call(settings: ConfiguredProviderSettings, request: ChatRequest, options: CallOptions): Promise<CallResult> {
    const client = new Anthropic({
      // Passing the key (never undefined: ProviderClient requires one for anthropic) also keeps the
      // SDK away from ANTHROPIC_API_KEY, ANTHROPIC_AUTH_TOKEN and its credential-file chain.
      apiKey: settings.apiKey ?? '',
      baseURL: settings.baseUrl,
      maxRetries: 0, // the measured call is never retried silently
      timeout: options.timeoutMs + SDK_TIMEOUT_SLACK_MS,
      logLevel: 'off', // its error logging echoes raw response chunks
      webhookKey: null,
    });
    const body: MessageCreateParamsStreaming = {
      model: settings.model,
      max_tokens: request.maxTokens,
      messages: [{ role: 'user', content: request.prompt }],
      ...(request.system ? { system: request.system } : {}),
      stream: true,
    };

    return runMeasuredCall(settings, options, async (signal, recorder) => {
      const { data: stream, response } = await client.messages.create(body, { signal, maxRetries: 0 }).withResponse();
      recorder.headers(response.headers);
      for await (const event of stream) {
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') recorder.text(event.delta.text);
        // message_start carries the input count and the model; message_delta the cumulative counts at the end.
        else if (event.type === 'message_start') {
          recorder.inputTokens(anthropicInput(event.message.usage));
          recorder.fingerprint(event.message.model);
        } else if (event.type === 'message_delta') {
          recorder.outputTokens(event.usage.output_tokens);
          if (event.usage.input_tokens !== null) recorder.inputTokens(anthropicInput(event.usage));
        }
      }
    });
  }
}

/** Anthropic counts cache writes and reads apart from input_tokens; all three are input. */
function anthropicInput(usage: {
  input_tokens: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}): number | null {
  if (usage.input_tokens === null) return null;
  return usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
}
