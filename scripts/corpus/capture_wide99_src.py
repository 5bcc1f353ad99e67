"""Round 99's project: `gustlog`, a wind farm's turbine telemetry analysis, written here with bugs put in on purpose
(seeded data). Its scripts run PySpark in local mode, JAX, Keras 3 on the JAX backend, onnx / onnxruntime and Dask;
capture_wide99.py writes FILES under its scratch dir and runs them. Nothing here is compressed."""

FILES = {
    "gustlog/__init__.py": "",
    "gustlog/data.py": '''
import random

SITES = ["North Ridge", "Saltmarsh", "Kestrel Hill", "Beacon Flats", "Harrow Moor", "Tidewater"]
MODELS = ["V112", "V136", "SG145", "N149", "E138"]
ROTORS = {"V112": 112, "V136": 136, "SG145": 145, "N149": 149, "E138": 138}


def readings(n, seed=7, bad_every=0):
    """Seeded 10-minute readings: (turbine, site, model, rotor code, wind m/s, power kW, temp C, yaw deg)."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        model = rnd.choice(MODELS)
        site = rnd.choice(SITES)
        turbine = f"T{rnd.randint(1, 48):02d}-{site[:3].upper()}"
        wind = round(max(0.0, rnd.gauss(8.5, 3.2)), 2)
        rated = 3600.0 if model.startswith("V") else 4500.0
        power = round(min(rated, 0.5 * 1.225 * 3.1416 * (ROTORS[model] / 2) ** 2 * wind ** 3 * 0.42 / 1000), 1)
        rotor = f"R{ROTORS[model]}"
        if bad_every and i % bad_every == bad_every - 1:
            rotor = "R?"  # a sensor export writes an unknown rotor code now and then
        rows.append((turbine, site, model, rotor, wind, power, round(rnd.gauss(11, 6), 1), rnd.randint(0, 359)))
    return rows


COLUMNS = ["turbine", "site", "model", "rotor", "wind_ms", "power_kw", "temp_c", "yaw_deg"]
''',
    # ------------------------------------------------------------------ PySpark
    "spark_job.py": '''
import sys
from pyspark.sql import SparkSession, functions as F, types as T
from gustlog.data import readings, COLUMNS

mode = sys.argv[1] if len(sys.argv) > 1 else ""
spark = (SparkSession.builder.master("local[2,4]" if mode == "retry" else "local[2]").appName("gustlog-capacity")
         .config("spark.sql.shuffle.partitions", "4").config("spark.ui.enabled", "false").getOrCreate())
df = spark.createDataFrame(readings(4000, seed=11, bad_every=997), COLUMNS)
print(f"loaded {df.count()} readings from {df.select('site').distinct().count()} sites")


@F.udf(T.DoubleType())
def capacity_factor(rotor, power_kw):
    diameter = int(rotor[1:])  # bug: "R?" is not a number
    rated = 3600.0 if diameter < 140 else 4500.0
    return power_kw / rated


out = (df.withColumn("cf", capacity_factor("rotor", "power_kw"))
         .groupBy("site", "model").agg(F.avg("cf").alias("avg_cf"), F.count("*").alias("n")))
out.orderBy("site").show(50)
print("done")
''',
    "spark_plans.py": '''
import sys, shutil
from pyspark.sql import SparkSession, functions as F
from gustlog.data import readings, COLUMNS, SITES

mode = sys.argv[1] if len(sys.argv) > 1 else "extended"
spark = (SparkSession.builder.master("local[2]").appName("gustlog-plans")
         .config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false")
         .config("spark.sql.autoBroadcastJoinThreshold", "-1" if mode == "smj" else "10485760").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
shutil.rmtree("/tmp/gustlog-parquet", ignore_errors=True)
spark.createDataFrame(readings(3000, seed=5), COLUMNS).write.partitionBy("site").parquet("/tmp/gustlog-parquet")
r = spark.read.parquet("/tmp/gustlog-parquet")
sites = spark.createDataFrame([(s, i % 3, f"grid-{i}") for i, s in enumerate(SITES)], ["site", "region", "grid"])
q = (r.where((F.col("wind_ms") > 3.5) & (F.col("site") != "Tidewater") & F.col("yaw_deg").between(10, 350))
      .join(sites, "site")
      .groupBy("region", "model").agg(F.sum("power_kw").alias("energy"), F.max("wind_ms").alias("gust"))
      .orderBy(F.desc("energy")))
if mode == "formatted":
    q.explain("formatted")
elif mode == "window":
    from pyspark.sql.window import Window
    w = Window.partitionBy("turbine").orderBy(F.desc("power_kw"))
    r.withColumn("rk", F.rank().over(w)).where("rk <= 3").join(sites, "site", "left").explain(True)
else:
    q.explain(True)
''',
    "spark_show.py": '''
import sys
from pyspark.sql import SparkSession, functions as F
from gustlog.data import readings, COLUMNS

what = sys.argv[1] if len(sys.argv) > 1 else "turbines"
spark = (SparkSession.builder.master("local[2]").appName("gustlog-show")
         .config("spark.sql.shuffle.partitions", "4").config("spark.ui.enabled", "false").getOrCreate())
spark.sparkContext.setLogLevel("ERROR")
df = spark.createDataFrame(readings(5000, seed=23), COLUMNS)
if what == "turbines":
    (df.groupBy("turbine", "site", "model").agg(F.count("*").alias("n"), F.round(F.avg("wind_ms"), 2).alias("wind"),
        F.round(F.sum("power_kw") / 6000, 2).alias("mwh"), F.min("temp_c").alias("tmin"))
       .orderBy("turbine").show(300, truncate=False))
elif what == "raw":
    df.show(40)
elif what == "schema":
    nested = (df.withColumn("reading", F.struct("wind_ms", "power_kw", F.struct("temp_c", "yaw_deg").alias("env")))
                .groupBy("site").agg(F.collect_list("reading").alias("readings"),
                                     F.map_from_arrays(F.array(F.lit("n")), F.array(F.count("*"))).alias("stats")))
    df.printSchema()
    nested.printSchema()
''',
    # ------------------------------------------------------------------ JAX
    "jax_errors.py": '''
import sys
import jax, jax.numpy as jnp
from gustlog.data import readings

rows = readings(64, seed=3)
wind = jnp.array([r[4] for r in rows])
power = jnp.array([r[5] for r in rows])


@jax.jit
def clip_power(w, p):
    if w.mean() > 8.0:  # bug: Python branch on a traced value
        return jnp.minimum(p, 3600.0)
    return p


@jax.jit
def predict(params, x):
    h = jnp.tanh(x @ params["w1"] + params["b1"])
    return h @ params["w2"]


def window_means(x, n):
    return jnp.convolve(x, jnp.ones(n) / n, mode="valid")


case = sys.argv[1] if len(sys.argv) > 1 else "bool"
if case == "bool":
    print(clip_power(wind, power))
elif case == "shape":
    k = jax.random.PRNGKey(0)
    params = {"w1": jax.random.normal(k, (3, 16)), "b1": jnp.zeros(16), "w2": jax.random.normal(k, (12, 1))}
    x = jnp.stack([wind, power / 1000, wind ** 2], axis=1)
    print(predict(params, x))
elif case == "concrete":
    print(jax.jit(window_means)(wind, 6))
elif case == "carry":
    def fit(w, xs):
        def step(carry, x):
            w, count = carry
            g = jax.grad(lambda w: jnp.sum((x * w - 1.0) ** 2))(w)
            return (w - 0.01 * g, count + x.sum()), g.sum()  # bug: the count grows from int32 to float32
        return jax.lax.scan(step, (w, jnp.array(0, jnp.int32)), xs)
    print(jax.jit(jax.value_and_grad(lambda w: fit(w, wind.reshape(8, 8))[1].sum()))(jnp.ones(8)))
elif case == "vmap":
    f = jax.vmap(lambda a, b: a * b, in_axes=(0, 0))
    print(f(wind, power[:50]))
''',
    "jax_jaxpr.py": '''
import sys
import jax, jax.numpy as jnp


def loss(params, x, y):
    h = jax.nn.relu(x @ params["w1"] + params["b1"])
    pred = (h @ params["w2"]).squeeze(-1)
    return jnp.mean((pred - y) ** 2) + 1e-4 * sum(jnp.sum(v ** 2) for v in params.values())


def train(params, xs, ys, lr=0.01):
    def step(p, batch):
        l, g = jax.value_and_grad(loss)(p, *batch)
        return jax.tree_util.tree_map(lambda a, b: a - lr * b, p, g), l
    return jax.lax.scan(step, params, (xs, ys))


p = {"w1": jnp.zeros((3, 8)), "b1": jnp.zeros(8), "w2": jnp.zeros((8, 1))}
if len(sys.argv) > 1 and sys.argv[1] == "train":
    print(jax.make_jaxpr(train)(p, jnp.zeros((20, 32, 3)), jnp.zeros((20, 32))))
else:
    print(jax.make_jaxpr(jax.grad(loss))(p, jnp.zeros((32, 3)), jnp.zeros(32)))
''',
    "jax_debug.py": '''
import sys
import jax, jax.numpy as jnp
from gustlog.data import readings

lr = float(sys.argv[1]) if len(sys.argv) > 1 else 0.05
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 120
rows = readings(512, seed=9)
x = jnp.array([[r[4], r[6] / 10, r[7] / 360] for r in rows])
y = jnp.array([r[5] / 1000 for r in rows])


def loss(w, b):
    return jnp.mean((x @ w + b - y) ** 2)


@jax.jit
def fit(w, b):
    def body(i, wb):
        w, b = wb
        l, (gw, gb) = jax.value_and_grad(loss, argnums=(0, 1))(w, b)
        jax.debug.print("step={i} loss={l:.5f} gnorm={g:.4f} b={b:.4f}", i=i, l=l, g=jnp.linalg.norm(gw), b=b)
        return w - lr * gw, b - lr * gb
    return jax.lax.fori_loop(0, steps, body, (w, b))


w, b = fit(jnp.zeros(3), 0.0)
print("final w", w, "b", float(b), "loss", float(loss(w, b)))
''',
    # ------------------------------------------------------------------ Keras
    "keras_fit.py": '''
import os, sys
os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np
import keras
from gustlog.data import readings

epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 50
verbose = int(sys.argv[2]) if len(sys.argv) > 2 else 2
variant = sys.argv[3] if len(sys.argv) > 3 else "plain"
keras.utils.set_random_seed(42)
rows = readings(3000, seed=13)
x = np.array([[r[4], r[4] ** 2 / 10, r[6] / 10, np.sin(r[7] / 57.3), np.cos(r[7] / 57.3)] for r in rows], "float32")
y = np.array([r[5] / 1000 for r in rows], "float32")
model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(32, activation="relu"),
                          keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
lr = 0.5 if variant == "hot" else 0.003
model.compile(optimizer=keras.optimizers.Adam(lr), loss="mse", metrics=["mae"])
cbs = []
if variant == "callbacks":
    cbs = [keras.callbacks.EarlyStopping(patience=4, restore_best_weights=True, verbose=1),
           keras.callbacks.ReduceLROnPlateau(patience=2, factor=0.5, verbose=1),
           keras.callbacks.ModelCheckpoint("/tmp/gustlog-best.keras", save_best_only=True, verbose=1)]
model.fit(x[:2400], y[:2400], validation_split=0.2, epochs=epochs, batch_size=64, verbose=verbose, callbacks=cbs)
print("test loss/mae:", model.evaluate(x[2400:], y[2400:], verbose=0))
''',
    "keras_summary.py": '''
import os, sys
os.environ.setdefault("KERAS_BACKEND", "jax")
import keras
from keras import layers

deep = len(sys.argv) > 1 and sys.argv[1] == "deep"
if not deep:
    m = keras.Sequential([keras.Input((144, 6)), layers.Conv1D(32, 5, activation="relu"), layers.MaxPooling1D(2),
                          layers.Conv1D(64, 3, activation="relu"), layers.GlobalAveragePooling1D(),
                          layers.Dropout(0.2), layers.Dense(32, activation="relu"), layers.Dense(3, name="fault")],
                         name="gearbox_fault")
else:
    inp = keras.Input((144, 6), name="scada")
    meta = keras.Input((4,), name="turbine_meta")
    h = inp
    for i, f in enumerate([16, 32, 32, 64, 64, 128]):
        h = layers.Conv1D(f, 3, padding="same", name=f"conv{i}")(h)
        h = layers.BatchNormalization(name=f"bn{i}")(h)
        h = layers.Activation("relu", name=f"relu{i}")(h)
    h = layers.LSTM(48, name="lstm")(h)
    e = layers.Embedding(48, 8, name="turbine_emb")(meta)
    e = layers.Flatten(name="flat")(e)
    z = layers.Concatenate(name="join")([h, e])
    z = layers.Dense(64, activation="relu", name="head")(z)
    m = keras.Model([inp, meta], [layers.Dense(1, name="power")(z), layers.Dense(3, name="fault")(z)],
                    name="scada_multitask")
    m.layers[3].trainable = False
m.summary()
''',
    "keras_shape.py": '''
import os, sys
os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np
import keras
from gustlog.data import readings

keras.utils.set_random_seed(1)
rows = readings(400, seed=2)
model = keras.Sequential([keras.Input((8,)), keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1)])
model.compile("adam", "mse")
case = sys.argv[1] if len(sys.argv) > 1 else "features"
if case == "features":
    x = np.array([[r[4], r[5], r[6], r[7], r[4] ** 2, r[4] ** 3] for r in rows], "float32")  # bug: 6 features, not 8
    model.fit(x, np.zeros(len(x)), epochs=2, verbose=0)
else:
    x = np.random.default_rng(0).normal(size=(400, 8)).astype("float32")
    model.fit(x, np.zeros((400, 3)), epochs=1, verbose=2)
    print(model.predict(x[:, :7]))
''',
    # ------------------------------------------------------------------ onnx / onnxruntime
    "onnx_models.py": '''
import numpy as np
import onnx
from onnx import TensorProto, helper as h


def mlp(opset=17, w2_rows=16):
    w1 = h.make_tensor("w1", TensorProto.FLOAT, [5, 16], np.random.default_rng(0).normal(size=80).astype("float32"))
    w2 = h.make_tensor("w2", TensorProto.FLOAT, [w2_rows, 1], np.ones(w2_rows, "float32"))
    nodes = [h.make_node("MatMul", ["x", "w1"], ["h"], name="dense1"), h.make_node("Relu", ["h"], ["hr"], name="relu"),
             h.make_node("MatMul", ["hr", "w2"], ["y"], name="dense2")]
    g = h.make_graph(nodes, "power_mlp", [h.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", 5])],
                     [h.make_tensor_value_info("y", TensorProto.FLOAT, ["batch", 1])], [w1, w2])
    return h.make_model(g, opset_imports=[h.make_opsetid("", opset)], producer_name="gustlog")


def mixed_types():
    nodes = [h.make_node("Add", ["wind", "count"], ["s"], name="add_wind_count"),
             h.make_node("Cast", ["s"], ["y"], to=TensorProto.DOUBLE, name="to_double")]
    g = h.make_graph(nodes, "mixed", [h.make_tensor_value_info("wind", TensorProto.FLOAT, [4]),
                                     h.make_tensor_value_info("count", TensorProto.INT64, [4])],
                     [h.make_tensor_value_info("y", TensorProto.DOUBLE, [4])])
    return h.make_model(g, opset_imports=[h.make_opsetid("", 17)])


def unknown_op():
    nodes = [h.make_node("GustFilter", ["x"], ["y"], name="gust", domain="")]
    g = h.make_graph(nodes, "custom", [h.make_tensor_value_info("x", TensorProto.FLOAT, [None, 5])],
                     [h.make_tensor_value_info("y", TensorProto.FLOAT, [None, 5])])
    return h.make_model(g, opset_imports=[h.make_opsetid("", 17)])


def dangling():
    nodes = [h.make_node("Relu", ["x"], ["a"], name="r1"), h.make_node("Mul", ["a", "scale"], ["y"], name="m1")]
    g = h.make_graph(nodes, "dangling", [h.make_tensor_value_info("x", TensorProto.FLOAT, [2, 5])],
                     [h.make_tensor_value_info("y", TensorProto.FLOAT, [2, 5])])
    return h.make_model(g, opset_imports=[h.make_opsetid("", 17)])


def bad_attr():
    nodes = [h.make_node("Transpose", ["x"], ["y"], perm=[0, 2], name="tp"),
             h.make_node("Softmax", ["y"], ["z"], axis=4, name="sm")]
    g = h.make_graph(nodes, "attrs", [h.make_tensor_value_info("x", TensorProto.FLOAT, [2, 5, 3])],
                     [h.make_tensor_value_info("z", TensorProto.FLOAT, [2, 3, 5])])
    return h.make_model(g, opset_imports=[h.make_opsetid("", 17)])


def no_opset():
    m = mlp()
    del m.opset_import[:]
    return m


def reshape_bad():
    shape = h.make_tensor("shape", TensorProto.INT64, [2], [7, 3])
    nodes = [h.make_node("Reshape", ["x", "shape"], ["y"], name="reshape_window")]
    g = h.make_graph(nodes, "reshape", [h.make_tensor_value_info("x", TensorProto.FLOAT, [4, 5])],
                     [h.make_tensor_value_info("y", TensorProto.FLOAT, [7, 3])], [shape])
    return h.make_model(g, opset_imports=[h.make_opsetid("", 17)])


MODELS = {"mlp": mlp, "mlp_w2_mismatch": lambda: mlp(w2_rows=12), "mixed_types": mixed_types,
          "unknown_op": unknown_op, "dangling_input": dangling, "bad_attr": bad_attr, "no_opset": no_opset,
          "reshape_bad": reshape_bad, "future_opset": lambda: mlp(opset=99)}
''',
    "onnx_run.py": '''
import sys, traceback
import numpy as np
import onnxruntime as ort
from onnx_models import MODELS

names = sys.argv[1:] or list(MODELS)
x = np.random.default_rng(1).normal(size=(8, 5)).astype("float32")
for name in names:
    try:
        sess = ort.InferenceSession(MODELS[name]().SerializeToString(), providers=["CPUExecutionProvider"])
        feeds = {i.name: (x[:, :4] if name == "mlp" else np.ones([d if isinstance(d, int) else 8 for d in i.shape],
                 np.int64 if "int64" in i.type else np.float32)) for i in sess.get_inputs()}
        out = sess.run(None, feeds)
        print(f"ok {name}: {[o.shape for o in out]}")
    except Exception as e:
        print(f"FAIL {name}: {type(e).__name__}")
        if "--tb" in sys.argv[0:1] or len(names) == 1:
            traceback.print_exc()
        else:
            print(str(e))
if len(names) == 1:
    ort.InferenceSession(MODELS[names[0]]().SerializeToString(), providers=["CPUExecutionProvider"]).run(
        None, {"x": x[:, :4]})
''',
    "onnx_check.py": '''
import sys
import onnx
from onnx import checker, shape_inference
from onnx_models import MODELS

names = sys.argv[1:] or list(MODELS)
for name in names:
    m = MODELS[name]()
    try:
        checker.check_model(m, full_check=True)
        print(f"ok {name}")
    except (checker.ValidationError, shape_inference.InferenceError) as e:
        print(f"FAIL {name}: {type(e).__name__}")
        print(e)
if len(names) == 1:
    checker.check_model(MODELS[names[0]](), full_check=True)
''',
    # ------------------------------------------------------------------ Dask
    "dask_cluster.py": '''
import sys, logging
from dask.distributed import Client, LocalCluster
from gustlog.data import readings


def energy(chunk):
    total = 0.0
    for t, site, model, rotor, wind, power, temp, yaw in chunk:
        diameter = int(rotor[1:])  # bug: "R?" again
        total += power / 6 * (1.0 if diameter < 140 else 1.02)
    return total


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    logging.getLogger("distributed").setLevel(logging.INFO)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \\
            Client(cluster) as client:
        print("cluster:", cluster.scheduler_address.split(":")[0], "workers:", len(cluster.workers))
        chunks = [readings(200, seed=i, bad_every=150 if i % 13 == 7 else 0) for i in range(n)]
        futures = client.map(energy, chunks, key=[f"energy-{i}" for i in range(n)])
        done = [f for f in futures if f.exception() is None] if "--partial" in sys.argv else []
        if done:
            print(f"energy from {len(done)} of {n} chunks: {sum(f.result() for f in done):.1f} kWh")
            for f in futures:
                if f.status == "error":
                    print(f"failed chunk {f.key}: {f.exception()!r}")
        else:
            print("total kWh:", sum(client.gather(futures)))
''',
    "dask_meta.py": '''
import sys, os, random
import pandas as pd
import dask.dataframe as dd
import dask

case = sys.argv[1] if len(sys.argv) > 1 else "csv"
os.makedirs("exports", exist_ok=True)
rnd = random.Random(4)
for d in range(1, 13):
    with open(f"exports/scada-2024-{d:02d}.csv", "w") as fh:
        fh.write("turbine,site,wind_ms,power_kw,temp_c,status\\n")
        for i in range(800):
            wind = f"{rnd.gauss(8, 3):.2f}"
            if d == 9 and i % 97 == 5:
                wind = "--"  # bug: one month's export writes -- for a missing reading
            power = str(rnd.randint(0, 4500)) if not (d == 11 and i == 640) else f"{rnd.random() * 4500:.1f}"
            fh.write(f"T{rnd.randint(1, 48):02d},{rnd.choice(['NRI', 'SAL', 'KES'])},{wind},{power},"
                     f"{rnd.gauss(11, 6):.1f},{rnd.choice(['run', 'run', 'run', 'idle', 'fault'])}\\n")
df = dd.read_csv("exports/scada-*.csv", blocksize=None, dtype={"power_kw": "float64"} if case == "infer" else None)
if case == "csv":
    print(df.groupby("site").power_kw.mean().compute())
elif case == "meta":
    def per_turbine(p):
        return p.groupby("turbine").agg(n=("power_kw", "size"), peak=("power_kw", "max")).reset_index()
    meta = pd.DataFrame({"turbine": pd.Series(dtype=str), "n": pd.Series(dtype="int64"),
                         "peak": pd.Series(dtype="float64"), "site": pd.Series(dtype=str)})
    print(df.map_partitions(per_turbine, meta=meta).compute())
elif case == "infer":
    print(df.wind_ms.astype("float64").map(lambda w: w * 3.6).sum().compute())
''',
}
