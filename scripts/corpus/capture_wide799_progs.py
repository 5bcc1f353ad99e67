"""Round 799's material: `staithes`, a collier trade's small Python programs (keels, staithes, coal drops, keelmen,
hostmen, fitters, chaldrons) with faults put in; written into the round's temp dir by capture_wide799.py."""

COMMON = '''
import random, sys
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 79900
R = random.Random(SEED)
N = int(sys.argv[1]) if len(sys.argv) > 1 else 4
STAITHES = ["Dunston", "Derwenthaugh", "Wallsend", "Hebburn", "Jarrow", "Howdon", "Whitehill Point", "Pelaw",
            "Bill Quay", "Felling", "Stella", "Lemington", "Tyne Main", "Friars Goose"]
def keel_name(i):
    return f"keel-{STAITHES[i % len(STAITHES)].lower().replace(' ', '-')}-{i}"
'''

DESTROYED = COMMON + '''
import asyncio, gc

async def wait_for_tide(keel, fut):
    print(f"{keel}: waiting for the tide at the staithe", flush=True)
    await fut  # the tide future is never set: the keel waits forever

async def load_chaldrons(keel, n):
    for c in range(n):
        await asyncio.sleep(0)
    print(f"{keel}: loaded {n} chaldrons", flush=True)

def sail(loop, i):
    fut = loop.create_future()
    if i % 3 == 2:
        return loop.create_task(asyncio.sleep(3600), name=f"{keel_name(i)}-idle")
    return loop.create_task(wait_for_tide(keel_name(i), fut), name=keel_name(i))

def main():
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    for i in range(N):
        sail(loop, i)  # the task is not kept: nothing refers to it but the loop
    loop.run_until_complete(load_chaldrons("keel-coaly-tyne", R.randint(3, 9)))
    loop.run_until_complete(asyncio.sleep(0.01))
    print(f"staithes: {N} keels left waiting; closing the loop without cancelling them (leak)", flush=True)
    loop.close()
    asyncio.set_event_loop(None)
    del loop
    gc.collect()
    print("hostmen: tally closed", flush=True)

main()
'''

NEVER_RETRIEVED = COMMON + '''
import asyncio, gc

class StaitheJammed(Exception):
    pass

async def coal_drop(staithe, tons):
    await asyncio.sleep(0)
    if tons > 18:
        raise StaitheJammed(f"coal drop at {staithe} jammed with {tons} tons in the spout")
    return tons

async def weigh(keel, tons):
    await asyncio.sleep(0)
    return 1.0 / (tons - tons)  # the hostmen's tally divides by the difference of two equal weights

async def fitter(keel, tons):
    await asyncio.sleep(0)
    fees = {"Dunston": 3, "Wallsend": 4}
    return fees[keel.split("-")[1].title()] * tons

async def main():
    tasks = []
    for i in range(N):
        keel, tons = keel_name(i), R.randint(8, 24)
        kind = i % 3
        coro = (coal_drop, weigh, fitter)[kind](keel, tons)
        tasks.append(asyncio.create_task(coro, name=f"{keel}-{('drop', 'weigh', 'fitter')[kind]}"))
    await asyncio.sleep(0.05)
    done = sum(t.done() for t in tasks)
    print(f"hostmen: {done}/{len(tasks)} keel tasks finished; results not read (error: nobody awaits them)",
          flush=True)
    tasks.clear()
    gc.collect()

asyncio.run(main())
gc.collect()
print("staithe closed", flush=True)
'''

ORIGIN = COMMON + '''
import asyncio, time

class Keelman:
    def __init__(self, name):
        self.name = name
    async def pole(self, yards):
        await asyncio.sleep(0)
        return yards
    async def shovel(self, tons):
        await asyncio.sleep(0.001)
        return tons

def tally_blocking(keel, secs):
    time.sleep(secs)  # a blocking tally in a callback: the loop stalls
    print(f"{keel}: tally written after {secs:.2f}s", flush=True)

async def work_keel(i):
    k = Keelman(keel_name(i))
    if i % 2 == 0:
        k.pole(R.randint(50, 400))  # bug: never awaited
    else:
        k.shovel(R.randint(5, 21))  # bug: never awaited
    if i % 3 == 0:
        asyncio.get_running_loop().call_soon(tally_blocking, k.name, 0.12 + 0.03 * (i % 4))
    await asyncio.sleep(0.01)
    if i % 4 == 3:
        time.sleep(0.15)  # blocks inside the task step
    return k.name

async def main():
    names = await asyncio.gather(*(work_keel(i) for i in range(N)))
    print(f"keels worked: {len(names)}", flush=True)

asyncio.run(main(), debug=True)
'''

TASKGROUP = COMMON + '''
import asyncio

class TideError(Exception):
    pass

async def keelman(name, fault):
    await asyncio.sleep(0)
    if fault == "tide":
        raise TideError(f"{name}: tide too low at the staithe to float the keel")
    if fault == "key":
        return {"Dunston": 1}[name]
    if fault == "type":
        return "chaldrons" + 8
    await asyncio.sleep(0.2)
    return name

async def crew(keel, faults):
    async with asyncio.TaskGroup() as tg:
        for j, f in enumerate(faults):
            tg.create_task(keelman(f"{keel}/keelman-{j}", f))

async def main():
    faults = ["tide", "key", "type", None]
    async with asyncio.TaskGroup() as tg:
        for i in range(N):
            fs = [faults[(i + j) % 4] for j in range(1 + i % 3)]
            if i % 2:
                tg.create_task(crew(keel_name(i), fs))
            else:
                tg.create_task(keelman(keel_name(i), fs[0]))

asyncio.run(main())
'''

TRIO_NURSERY = COMMON + '''
import trio

class HostmanRefused(Exception):
    pass

async def keelman(name, fault):
    if fault == "refuse":
        raise HostmanRefused(f"{name}: hostman refused the keel's certificate")
    if fault == "zero":
        return 21 / 0
    if fault == "index":
        return STAITHES[99]
    if fault == "cancel-timeout":
        with trio.fail_after(0):
            await trio.sleep(1)
    await trio.sleep(0.05)

async def keel(keel_name_, faults):
    async with trio.open_nursery() as n:
        for j, f in enumerate(faults):
            n.start_soon(keelman, f"{keel_name_}/keelman-{j}", f)

async def main():
    faults = ["refuse", "zero", "index", "cancel-timeout", None]
    async with trio.open_nursery() as n:
        for i in range(N):
            fs = [faults[(i + j) % 5] for j in range(1 + i % 3)]
            if i % 2:
                n.start_soon(keel, keel_name(i), fs)
            else:
                n.start_soon(keelman, keel_name(i), fs[0])
    print("all keels away")

trio.run(main)
'''

GUEST = COMMON + '''
import asyncio, gc, time, trio
MODE = sys.argv[3] if len(sys.argv) > 3 else "abandon"

class TrioKeelError(Exception):
    pass

async def guest_keels():
    async with trio.open_nursery() as n:
        for i in range(N):
            n.start_soon(trio.sleep, 0.05 * (i + 1))
        await trio.sleep(0.02)
        if MODE in ("raise", "group"):
            raise TrioKeelError(f"guest keel fleet of {N}: coal drop at {STAITHES[N % 14]} failed")
        if MODE == "group":
            pass

async def failing(i):
    raise TrioKeelError(f"guest keelman {i} fell off the keel")

async def guest_group():
    async with trio.open_nursery() as n:
        for i in range(N):
            n.start_soon(failing, i)

def done(outcome):
    print(f"guest run done; outcome: {outcome!r}", flush=True)
    try:
        outcome.unwrap()
    except BaseException as e:
        print(f"guest error: {type(e).__name__}: {e}", flush=True)
        import traceback
        traceback.print_exception(e)

async def host():
    loop = asyncio.get_running_loop()
    fn = guest_group if MODE == "group" else guest_keels
    trio.lowlevel.start_guest_run(fn, run_sync_soon_threadsafe=loop.call_soon_threadsafe, done_callback=done)
    wait = 0.01 if MODE == "abandon" else 0.5
    await asyncio.sleep(wait)
    print(f"asyncio host: leaving after {wait}s", flush=True)

asyncio.run(host())
time.sleep(0.4)
gc.collect()
print("host closed", flush=True)
'''

ANYIO_GROUPS = COMMON + '''
import anyio, math
BACKEND = sys.argv[3] if len(sys.argv) > 3 else "asyncio"

async def hostman(recv, name):
    async with recv:
        async for tons in recv:
            if tons > 20:
                raise ValueError(f"{name}: {tons} tons is over the keel's 8 chaldrons")
            await anyio.sleep(0)

async def fitter(send, i):
    async with send:
        for t in range(3 + i):
            await send.send(5 + 4 * t)

async def closed_staithe(i):
    send, recv = anyio.create_memory_object_stream(1)
    await recv.aclose()
    await send.send(f"keel {i}")  # BrokenResourceError: nobody receives

async def empty_drop(i):
    send, recv = anyio.create_memory_object_stream(0)
    await send.aclose()
    return await recv.receive()  # EndOfStream

async def sqrt_keel(i):
    await anyio.sleep(0)
    return math.sqrt(-i - 1)

async def main():
    print(f"== backend {BACKEND}", flush=True)
    async with anyio.create_task_group() as tg:
        for i in range(N):
            k = i % 4
            if k == 0:
                send, recv = anyio.create_memory_object_stream(2)
                tg.start_soon(hostman, recv, keel_name(i))
                tg.start_soon(fitter, send, i)
            elif k == 1:
                tg.start_soon(closed_staithe, i)
            elif k == 2:
                tg.start_soon(empty_drop, i)
            else:
                tg.start_soon(sqrt_keel, i)

anyio.run(main, backend=BACKEND)
'''

POOL = COMMON + '''
import os, signal, threading
from concurrent.futures import ProcessPoolExecutor, as_completed
MODE = sys.argv[3] if len(sys.argv) > 3 else "exit"

def coal_drop(i, mode):
    tons = 8 + (i * 7) % 17
    if i == N // 2:
        if mode == "exit":
            os._exit(3)
        if mode == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        if mode == "memory":
            raise MemoryError(f"coal drop {i}: chaldron ledger too large")
        if mode == "unpicklable":
            return threading.Lock()
    if i % 5 == 4:
        raise ValueError(f"coal drop {i} at {STAITHES[i % 14]}: spout jammed at {tons} tons")
    return tons

def main():
    ok = failed = 0
    with ProcessPoolExecutor(max_workers=2) as ex:
        futs = {ex.submit(coal_drop, i, MODE): i for i in range(N)}
        for f in as_completed(futs):
            i = futs[f]
            try:
                print(f"drop {i:3d} {keel_name(i)}: {f.result()} tons", flush=True)
                ok += 1
            except Exception as e:
                print(f"drop {i:3d} {keel_name(i)}: error {type(e).__name__}: {e}", flush=True)
                failed += 1
    print(f"staithe tally: {ok} drops loaded, {failed} failed", flush=True)
    if failed:
        with ProcessPoolExecutor(max_workers=1) as ex:
            print(ex.submit(coal_drop, N // 2, MODE).result())

if __name__ == "__main__":
    main()
'''

GREENLETS = COMMON + '''
import gevent
from gevent.event import Event
from gevent.queue import Queue
MODE = sys.argv[3] if len(sys.argv) > 3 else "fail"

def keelman(i):
    gevent.sleep(0.001 * (i % 5))
    if i % 4 == 1:
        raise KeyError(f"staithe {i}")
    if i % 4 == 2:
        return int(f"{i} chaldrons")
    return i * 8

def main():
    gs = [gevent.spawn(keelman, i) for i in range(N)]
    gevent.joinall(gs)
    bad = [g for g in gs if not g.successful()]
    print(f"keelmen done: {len(gs) - len(bad)} ok, {len(bad)} failed", flush=True)
    if MODE == "block":
        tide = Event()
        print("waiting for the tide event nobody sets", flush=True)
        tide.wait()
    if MODE == "queue":
        q = Queue()
        print("hostman waiting on an empty keel queue", flush=True)
        q.get()

main()
'''

DEADLOCK = COMMON + '''
import faulthandler, threading, time
faulthandler.dump_traceback_later(float(sys.argv[3]) if len(sys.argv) > 3 else 1.0, exit=True)
ledger = threading.Lock()
staithe_book = threading.Lock()

def hostman_a():
    with ledger:
        time.sleep(0.1)
        with staithe_book:
            print("hostman A wrote the book")

def hostman_b():
    with staithe_book:
        time.sleep(0.1)
        with ledger:
            print("hostman B wrote the ledger")

def keelman(i):
    while True:
        time.sleep(0.05)

ts = [threading.Thread(target=hostman_a, name="hostman-a"), threading.Thread(target=hostman_b, name="hostman-b")]
ts += [threading.Thread(target=keelman, args=(i,), name=keel_name(i), daemon=True) for i in range(N)]
for t in ts:
    t.start()
for t in ts[:2]:
    t.join()
print("never reached")
'''

ABORT = COMMON + '''
import faulthandler, os, threading, time
faulthandler.enable(all_threads=True)

def keelman(i):
    while True:
        time.sleep(0.01 * (1 + i % 3))

def fitter(i):
    ev = threading.Event()
    ev.wait()

for i in range(N):
    threading.Thread(target=(keelman if i % 2 else fitter), args=(i,), name=keel_name(i), daemon=True).start()
time.sleep(0.2)
print(f"staithe: {N} threads alive; the ledger is corrupt, aborting", flush=True)
os.abort()
'''

THREADS = COMMON + '''
import threading, time

class KeelSunk(RuntimeError):
    pass

def keelman(i):
    time.sleep(0.005 * i)
    k = i % 4
    if k == 0:
        raise KeelSunk(f"{keel_name(i)} sank off {STAITHES[(i + 3) % 14]}")
    if k == 1:
        return {"chaldrons": 8}["tons"]
    if k == 2:
        return [][i]
    return None

ts = [threading.Thread(target=keelman, args=(i,), name=keel_name(i)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(f"staithe: {N} keelmen returned", flush=True)
'''

LEAKS = COMMON + '''
import gc, os, socket, tempfile
D = tempfile.mkdtemp(prefix="staithes-")

def write_ledger(i):
    f = open(os.path.join(D, f"ledger-{i}.txt"), "w")  # never closed
    f.write(f"{keel_name(i)} {8 * i} chaldrons\\n")

def signal_keel(i):
    a, b = socket.socketpair()  # never closed
    a.send(b"tide")
    return b.recv(4)

def read_tally(i):
    return open(os.path.join(D, f"ledger-{i}.txt")).read()  # never closed

for i in range(N):
    write_ledger(i)
    if i % 2:
        signal_keel(i)
    if i % 3 == 0:
        read_tally(i)
    gc.collect()
print(f"hostmen: {N} ledgers written", flush=True)
'''

PROGS = {"destroyed.py": DESTROYED, "never_retrieved.py": NEVER_RETRIEVED, "origin.py": ORIGIN,
         "taskgroup.py": TASKGROUP, "trio_nursery.py": TRIO_NURSERY, "guest.py": GUEST, "anyio_groups.py": ANYIO_GROUPS,
         "pool.py": POOL, "greenlets.py": GREENLETS, "deadlock.py": DEADLOCK, "abort.py": ABORT, "threads.py": THREADS,
         "leaks.py": LEAKS}
