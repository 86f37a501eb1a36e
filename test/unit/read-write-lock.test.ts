import { ReadWriteLock } from '../../src/graph/embedded/read-write-lock';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('readers–writer lock of the embedded adapter', () => {
  it('lets readers run together', async () => {
    const lock = new ReadWriteLock();
    let running = 0;
    let most = 0;
    const reader = () =>
      lock.read(async () => {
        most = Math.max(most, ++running);
        await tick();
        running -= 1;
      });
    await Promise.all([reader(), reader(), reader()]);
    expect(most).toBe(3);
  });

  it('never runs a writer alongside a reader or another writer', async () => {
    const lock = new ReadWriteLock();
    const events: string[] = [];
    let readers = 0;
    let writers = 0;
    const check = () => {
      if (writers > 1 || (writers === 1 && readers > 0)) events.push('overlap');
    };
    const reader = () =>
      lock.read(async () => {
        readers += 1;
        check();
        await tick();
        readers -= 1;
      });
    const writer = () =>
      lock.write(async () => {
        writers += 1;
        check();
        await tick();
        writers -= 1;
      });
    await Promise.all([reader(), writer(), reader(), writer(), writer(), reader(), reader()]);
    expect(events).toEqual([]);
  });

  it('makes new readers wait behind a waiting writer, so reads cannot starve writes', async () => {
    const lock = new ReadWriteLock();
    const order: string[] = [];
    const first = lock.read(async () => {
      await tick();
      order.push('read 1');
    });
    const write = lock.write(async () => {
      order.push('write');
    });
    const later = lock.read(async () => {
      order.push('read 2');
    });
    await Promise.all([first, write, later]);
    expect(order).toEqual(['read 1', 'write', 'read 2']);
  });

  it('releases the lock when a section throws', async () => {
    const lock = new ReadWriteLock();
    await expect(
      lock.write(async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(lock.read(async () => 'ok')).resolves.toBe('ok');
  });
});
