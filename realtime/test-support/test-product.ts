// The whole product in-process on a fresh test database: what whole-path tests start and stop.
import { startProduct, type ProductOptions, type RunningProduct } from '../../main.ts';
import { freshTestDatabase, type TestDatabase } from '../../sql/test-support/db.ts';

export interface TestProduct {
  product: RunningProduct;
  test: TestDatabase;
  stop(): Promise<void>;
}

export async function startTestProduct(extra: Partial<ProductOptions> = {}): Promise<TestProduct> {
  const test = await freshTestDatabase();
  const product = await startProduct({
    databaseUrl: test.url,
    port: 0,
    host: '127.0.0.1',
    demo: false,
    distDir: '/nonexistent',
    ...extra,
  });
  return {
    product,
    test,
    stop: async () => {
      await product.stop();
      await test.pool.end();
    },
  };
}
