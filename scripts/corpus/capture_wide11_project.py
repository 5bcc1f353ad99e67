"""Round 11, the project files an agent reads that no installed package ships on this machine, written here: an
Android manifest, a .csproj, docker-compose, Kubernetes manifests, a .env.example, and a kubeconfig and a TLS
gateway config carrying certificates that openssl makes for this capture only (throwaway, valid two days).
Run through capture_wide11.py."""

from __future__ import annotations

from pathlib import Path

import capture_wide11 as w
from capture_more import add_or_skip as add, run, write_tree


# ================================================================== project files written here (no package ships them on this machine)

ANDROID_MANIFEST = '''<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    xmlns:tools="http://schemas.android.com/tools"
    package="org.example.fieldnotes"
    android:versionCode="4012"
    android:versionName="4.0.12">

    <uses-sdk android:minSdkVersion="24" android:targetSdkVersion="34" />

    <uses-permission android:name="android.permission.INTERNET" />
    <uses-permission android:name="android.permission.ACCESS_NETWORK_STATE" />
    <uses-permission android:name="android.permission.CAMERA" />
    <uses-permission android:name="android.permission.ACCESS_FINE_LOCATION" />
    <uses-permission android:name="android.permission.POST_NOTIFICATIONS" />
    <uses-permission android:name="android.permission.FOREGROUND_SERVICE" />
    <uses-permission android:name="android.permission.READ_EXTERNAL_STORAGE"
        android:maxSdkVersion="32" />

    <uses-feature android:name="android.hardware.camera" android:required="false" />
    <uses-feature android:name="android.hardware.location.gps" android:required="false" />

    <application
        android:name=".FieldNotesApp"
        android:allowBackup="false"
        android:icon="@mipmap/ic_launcher"
        android:label="@string/app_name"
        android:networkSecurityConfig="@xml/network_security_config"
        android:supportsRtl="true"
        android:theme="@style/Theme.FieldNotes"
        tools:targetApi="34">

        <activity
            android:name=".ui.MainActivity"
            android:exported="true"
            android:launchMode="singleTask"
            android:windowSoftInputMode="adjustResize">
            <intent-filter>
                <action android:name="android.intent.action.MAIN" />
                <category android:name="android.intent.category.LAUNCHER" />
            </intent-filter>
            <intent-filter android:autoVerify="true">
                <action android:name="android.intent.action.VIEW" />
                <category android:name="android.intent.category.DEFAULT" />
                <category android:name="android.intent.category.BROWSABLE" />
                <data android:scheme="https" android:host="notes.example.org" android:pathPrefix="/n/" />
            </intent-filter>
        </activity>

        <activity
            android:name=".ui.settings.SettingsActivity"
            android:exported="false"
            android:parentActivityName=".ui.MainActivity" />

        <activity
            android:name=".ui.capture.CaptureActivity"
            android:exported="false"
            android:screenOrientation="portrait" />

        <service
            android:name=".sync.SyncService"
            android:exported="false"
            android:foregroundServiceType="dataSync" />

        <receiver
            android:name=".sync.BootReceiver"
            android:exported="true">
            <intent-filter>
                <action android:name="android.intent.action.BOOT_COMPLETED" />
            </intent-filter>
        </receiver>

        <provider
            android:name="androidx.core.content.FileProvider"
            android:authorities="${applicationId}.files"
            android:exported="false"
            android:grantUriPermissions="true">
            <meta-data
                android:name="android.support.FILE_PROVIDER_PATHS"
                android:resource="@xml/file_paths" />
        </provider>

        <meta-data android:name="com.example.analytics.ENABLED" android:value="false" />
    </application>
</manifest>
'''

CSPROJ = '''<Project Sdk="Microsoft.NET.Sdk.Web">

  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <RootNamespace>Shop.Orders.Api</RootNamespace>
    <AssemblyName>Shop.Orders.Api</AssemblyName>
    <InvariantGlobalization>true</InvariantGlobalization>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
    <NoWarn>$(NoWarn);CS1591</NoWarn>
    <UserSecretsId>6d2f3c1e-orders-api</UserSecretsId>
    <DockerDefaultTargetOS>Linux</DockerDefaultTargetOS>
  </PropertyGroup>

  <PropertyGroup Condition="'$(Configuration)' == 'Release'">
    <PublishTrimmed>false</PublishTrimmed>
    <DebugType>portable</DebugType>
  </PropertyGroup>

  <ItemGroup>
    <PackageReference Include="Microsoft.AspNetCore.OpenApi" Version="8.0.8" />
    <PackageReference Include="Microsoft.EntityFrameworkCore.Design" Version="8.0.8">
      <PrivateAssets>all</PrivateAssets>
      <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
    </PackageReference>
    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.4" />
    <PackageReference Include="Serilog.AspNetCore" Version="8.0.2" />
    <PackageReference Include="Swashbuckle.AspNetCore" Version="6.7.3" />
    <PackageReference Include="FluentValidation.AspNetCore" Version="11.3.0" />
    <PackageReference Include="Polly" Version="8.4.1" />
  </ItemGroup>

  <ItemGroup>
    <ProjectReference Include="..\\Shop.Orders.Domain\\Shop.Orders.Domain.csproj" />
    <ProjectReference Include="..\\Shop.Shared\\Shop.Shared.csproj" />
  </ItemGroup>

  <ItemGroup>
    <InternalsVisibleTo Include="Shop.Orders.Api.Tests" />
    <Content Update="appsettings.Development.json" CopyToPublishDirectory="Never" />
  </ItemGroup>

</Project>
'''

COMPOSE = '''name: orders

services:
  api:
    build:
      context: .
      dockerfile: Dockerfile
    image: orders-api:dev
    env_file: .env
    environment:
      DATABASE_URL: postgresql://orders:orders@db:5432/orders
      REDIS_URL: redis://cache:6379/0
      LOG_LEVEL: info
    ports:
      - "8000:8000"
    depends_on:
      - db
      - cache
    healthcheck:
      test: ["CMD", "curl", "-fsS", "http://localhost:8000/healthz"]
      interval: 10s
      timeout: 3s
      retries: 5
    restart: unless-stopped

  worker:
    image: orders-api:dev
    command: ["python", "-m", "orders.worker", "--concurrency", "4"]
    env_file: .env
    depends_on:
      - db
      - cache

  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_USER: orders
      POSTGRES_PASSWORD: orders
      POSTGRES_DB: orders
    ports:
      - "5432:5432"
    volumes:
      - pgdata:/var/lib/postgresql/data

  cache:
    image: redis:7-alpine
    command: ["redis-server", "--appendonly", "yes"]
    ports:
      - "6379:6379"

  mailhog:
    image: mailhog/mailhog:v1.0.1
    ports:
      - "8025:8025"

volumes:
  pgdata:
'''

K8S = '''apiVersion: v1
kind: Namespace
metadata:
  name: orders
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: orders-config
  namespace: orders
data:
  LOG_LEVEL: info
  WORKERS: "4"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: orders-api
  namespace: orders
  labels:
    app: orders-api
spec:
  replicas: 3
  selector:
    matchLabels:
      app: orders-api
  template:
    metadata:
      labels:
        app: orders-api
    spec:
      containers:
        - name: api
          image: registry.example.org/shop/orders-api:2.3.0
          ports:
            - containerPort: 8000
          envFrom:
            - configMapRef:
                name: orders-config
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: "1", memory: 512Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: 8000}
            periodSeconds: 5
        - name: metrics-sidecar
          image: registry.example.org/ops/statsd-exporter:0.26.1
          ports:
            - containerPort: 9102
---
apiVersion: v1
kind: Service
metadata:
  name: orders-api
  namespace: orders
spec:
  selector:
    app: orders-api
  ports:
    - port: 80
      targetPort: 8000
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: orders-reconcile
  namespace: orders
spec:
  schedule: "*/15 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: reconcile
              image: registry.example.org/shop/orders-api:2.3.0
              command: ["python", "-m", "orders.reconcile"]
'''

ENV_EXAMPLE = '''# Copy to .env and fill in. Never commit the real file.

# --- service
APP_ENV=development
LOG_LEVEL=info
PORT=8000
WORKERS=4
SECRET_KEY=change-me

# --- database
DATABASE_URL=postgresql://orders:orders@localhost:5432/orders
DATABASE_POOL_SIZE=10
DATABASE_STATEMENT_TIMEOUT_MS=5000

# --- cache and queues
REDIS_URL=redis://localhost:6379/0
CELERY_BROKER_URL=redis://localhost:6379/1

# --- mail (mailhog in docker-compose)
SMTP_HOST=localhost
SMTP_PORT=1025
MAIL_FROM="Orders <orders@example.org>"

# --- third parties (sandbox keys only)
STRIPE_API_KEY=sk_test_replace_me
STRIPE_WEBHOOK_SECRET=whsec_replace_me
SENTRY_DSN=
S3_BUCKET=orders-dev-uploads
AWS_REGION=eu-west-1

# --- auth (OIDC against the dev identity provider)
OIDC_ISSUER=http://localhost:8080/realms/shop
OIDC_CLIENT_ID=orders-api
OIDC_CLIENT_SECRET=
JWT_AUDIENCE=orders
SESSION_COOKIE_SECURE=false

# --- observability
OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317
OTEL_SERVICE_NAME=orders-api
METRICS_PORT=9102

# --- feature flags
FEATURE_NEW_CHECKOUT=false
FEATURE_SPLIT_SHIPMENTS=true
FEATURE_GIFT_CARDS=false
'''


def throwaway_pki(d: Path) -> dict[str, str] | None:
    """A CA and a client certificate made by openssl for this capture only (EC P-256, valid two days)."""
    d.mkdir(parents=True, exist_ok=True)
    run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=corpus-capture-ca "
        "-keyout ca.key -out ca.pem 2>/dev/null && "
        "openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=corpus-capture-client/O=system:masters "
        "-keyout client.key -out client.csr 2>/dev/null && "
        "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -out client.pem 2>/dev/null", cwd=d)
    if not (d / "client.pem").exists():
        return None
    return {k: (d / f).read_text() for k, f in (("ca", "ca.pem"), ("cert", "client.pem"), ("key", "client.key"))}


def b64(s: str) -> str:
    import base64
    return base64.b64encode(s.encode()).decode()


def kubeconfig(pki: dict[str, str]) -> str:
    clusters = [("dev-local", "https://127.0.0.1:6443"), ("staging-eu", "https://10.20.0.10:6443"), ("prod-eu", "https://10.30.0.10:6443")]
    out = ["apiVersion: v1", "kind: Config", "clusters:"]
    for name, server in clusters:
        out += [f"- name: {name}", "  cluster:", f"    certificate-authority-data: {b64(pki['ca'])}", f"    server: {server}"]
    out.append("contexts:")
    for name, _ in clusters:
        out += [f"- name: {name}", "  context:", f"    cluster: {name}", f"    user: {name}-admin", "    namespace: orders"]
    out += ["current-context: staging-eu", "preferences: {}", "users:"]
    for name, _ in clusters:
        out += [f"- name: {name}-admin", "  user:", f"    client-certificate-data: {b64(pki['cert'])}", f"    client-key-data: {b64(pki['key'])}"]
    return "\n".join(out) + "\n"


def tls_config(pki: dict[str, str]) -> str:
    def block(pem: str, indent: int) -> str:
        return "\n".join(" " * indent + ln for ln in pem.strip().splitlines())
    return (f"server:\n  listen: 0.0.0.0:8443\n  read_timeout: 15s\n  write_timeout: 30s\ntls:\n  min_version: \"1.2\"\n  client_auth: require\n"
            f"  ca: |\n{block(pki['ca'], 4)}\n  cert: |\n{block(pki['cert'], 4)}\n  key: |\n{block(pki['key'], 4)}\n"
            "upstreams:\n  orders: http://127.0.0.1:8000\n  billing: http://127.0.0.1:8100\nlogging:\n  level: info\n  format: json\n")


def cap_project_files(tmp: Path) -> None:
    """Project files an agent reads, written here; the certificates in them are throwaway ones made just now."""
    d = tmp / "project"
    write_tree(d, {"android/app/src/main/AndroidManifest.xml": ANDROID_MANIFEST, "src/Shop.Orders.Api/Shop.Orders.Api.csproj": CSPROJ,
                   "docker-compose.yml": COMPOSE, "deploy/k8s/orders.yaml": K8S, ".env.example": ENV_EXAMPLE})
    add("cat-android-manifest", "cat android/app/src/main/AndroidManifest.xml",
        run("cat android/app/src/main/AndroidManifest.xml", cwd=d), w.n_android_manifest)
    add("cat-csproj-orders-api", "cat src/Shop.Orders.Api/Shop.Orders.Api.csproj",
        run("cat src/Shop.Orders.Api/Shop.Orders.Api.csproj", cwd=d), w.n_csproj)
    add("cat-docker-compose-yml", "cat docker-compose.yml", run("cat docker-compose.yml", cwd=d), w.n_compose)
    add("cat-k8s-orders-yaml", "cat deploy/k8s/orders.yaml", run("cat deploy/k8s/orders.yaml", cwd=d), w.n_k8s)
    add("cat-env-example", "cat .env.example", run("cat .env.example", cwd=d), w.n_env)
    pki = throwaway_pki(tmp / "pki")
    if pki:
        write_tree(d, {"kube/config": kubeconfig(pki), "deploy/gateway.yaml": tls_config(pki)})
        add("cat-kubeconfig-base64-certs", "cat ~/.kube/config", run("cat kube/config", cwd=d), w.n_kubeconfig)
        add("cat-gateway-yaml-inline-pem", "cat deploy/gateway.yaml", run("cat deploy/gateway.yaml", cwd=d), w.n_pem_config)


STEPS = [cap_project_files]
