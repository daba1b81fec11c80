import { Module } from '@nestjs/common';
import { ProviderClient } from './provider-client.js';
import { ProviderRegistry } from './provider-registry.js';

/** The LLM wire-format adapters behind ProviderClient; settings come from resolveProviderSettings(). */
@Module({
  providers: [ProviderClient, ProviderRegistry],
  exports: [ProviderClient, ProviderRegistry],
})
export class ProvidersModule {}
