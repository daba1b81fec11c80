// OpenAI chat completions, spoken by OpenAI and by every api_type that is neither anthropic nor
// google (Groq, Mistral, DeepSeek, OpenRouter, SambaNova, Cerebras, any compatible server).
import OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { runMeasuredCall, SDK_TIMEOUT_SLACK_MS } from './measured-call.js';
import { catalogEntry } from './provider-catalog.js';
import type {
  CallOptions,
  CallResult,
  ChatRequest,
  ConfiguredProviderSettings,
  ProviderAdapter,
} from './provider.types.js';

export class OpenAiCompatibleAdapter implements ProviderAdapter {
  call(settings: ConfiguredProviderSettings, request: ChatRequest, options: CallOptions): Promise<CallResult> {
    const client = new OpenAI({
      // A keyless server (`others`) gets no Authorization header at all; the SDK insists on a key.
      apiKey: settings.apiKey ?? 'no-key',
      defaultHeaders: settings.apiKey === undefined ? { Authorization: null } : undefined,
      baseURL: settings.baseUrl,
      maxRetries: 0, // the measured call is never retried silently
      timeout: options.timeoutMs + SDK_TIMEOUT_SLACK_MS,
      logLevel: 'off', // its error logging echoes raw response chunks
      // Explicit nulls stop the SDK from reading OPENAI_ORG_ID and friends from process.env.
      organization: null,
      project: null,
      adminAPIKey: null,
      webhookSecret: null,
    });
    const dialect = catalogEntry(settings.apiType).chatCompletions;

    const messages: ChatCompletionMessageParam[] = [];
    if (request.system) messages.push({ role: 'system', content: request.system });
    messages.push({ role: 'user', content: request.prompt });
    const body: ChatCompletionCreateParamsStreaming = {
      model: settings.model,
      messages,
      stream: true,
      [dialect.maxTokensParam]: request.maxTokens,
      ...(dialect.sendsStreamOptions ? { stream_options: { include_usage: true } } : {}),
    };

    return runMeasuredCall(settings, options, async (signal, recorder) => {
      const { data: stream, response } = await client.chat.completions
        .create(body, { signal, maxRetries: 0 })
        .withResponse();
      recorder.headers(response.headers);
      let systemFingerprint: string | undefined;
      for await (const chunk of stream) {
        recorder.text(chunk.choices?.[0]?.delta?.content);
        // The usage chunk comes last with include_usage; Mistral puts usage on its last content chunk.
        if (chunk.usage) {
          recorder.outputTokens(chunk.usage.completion_tokens);
          recorder.inputTokens(chunk.usage.prompt_tokens);
        }
        // Some servers send system_fingerprint on a few chunks only: the last one seen stays.
        systemFingerprint = chunk.system_fingerprint || systemFingerprint;
        if (chunk.model) recorder.fingerprint(systemFingerprint ? `${chunk.model}/${systemFingerprint}` : chunk.model);
      }
    });
  }
}
