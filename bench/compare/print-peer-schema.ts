/** Prints the SDL the peer generates from its type definitions (to write its queries against). */
import { printSchema } from 'graphql';
import { peerDriver, peerSchema } from './peer-server';

if (require.main === module) {
  const driver = peerDriver('bolt://127.0.0.1:1');
  void peerSchema(driver).then(async (s) => {
    process.stdout.write(printSchema(s) + '\n');
    await driver.close();
  });
}
