#!/usr/bin/env bash
# A disposable S3 engine with Object Lock for the team-store tests: one Ceph monitor, one OSD that keeps its
# data in RAM (memstore) and one RADOS Gateway, all bound to 127.0.0.1, authentication between daemons off.
# Debian packages: ceph-mon ceph-osd radosgw ceph-common (.ci/run installs them). Needs no root, no systemd.
#
#   tests/support/ceph-rgw.sh start   builds the cluster from nothing; the last line on stdout is
#                                     `RGW_READY endpoint=http://127.0.0.1:PORT access=KEY secret=KEY`
#   tests/support/ceph-rgw.sh stop    kills the daemons named in this cluster's PID files, removes its directory
#   tests/support/ceph-rgw.sh stop-gateway / start-gateway
#                                     kills only the RADOS Gateway (the S3 port stops answering; the data stays
#                                     in the OSD) and starts it again on the same port (a store outage mid-sync)
#   tests/support/ceph-rgw.sh pause-gateway / resume-gateway
#                                     SIGSTOP / SIGCONT the gateway: requests hang mid-upload until it resumes
#
# Environment: RGW_DIR (the cluster's directory; wiped on start and stop; default /tmp/isms-rgw-$UID),
# RGW_PORT (S3, default 7480), RGW_MON_PORT (monitor, default 40790), RGW_ACCESS_KEY, RGW_SECRET_KEY,
# RGW_MEMSTORE_BYTES (the OSD's RAM disk, default 2 GiB; the sync benchmark asks for more).
#
# Why the settings below are what they are (each one cost a failed start without it):
# - auth none everywhere, and for radosgw also `ms mon client mode = crc`: radosgw otherwise insists on a
#   cephx, "secure" monitor session and exits with EACCES on a cluster without auth.
# - one OSD, pool size 1, 8 placement groups per pool and the autoscaler off: RGW creates about seven pools
#   at first start, and the default PG counts exceed the per-OSD limit, so pool creation fails.
# - a short paxos interval: every pool RGW creates waits for a monitor commit, 1 s each by default.
# - the OSD listens on a free port between 6800 and 7300 (Ceph's own range), so keep RGW_PORT outside it.
# - locked objects cannot be deleted through S3 (that is the point); cleanup is by killing the daemons and
#   removing the RAM-backed directory, or out of band: radosgw-admin bucket rm --bucket=B --purge-objects.
# - RGW 16 creates its index and data pools lazily on the first bucket and object: start warms them up so the
#   first test request is not the slow one.
set -euo pipefail

dir=${RGW_DIR:-/tmp/isms-rgw-$(id -u)}
port=${RGW_PORT:-7480}
mon_port=${RGW_MON_PORT:-40790}
access=${RGW_ACCESS_KEY:-ISMSTESTACCESSKEY001}
secret=${RGW_SECRET_KEY:-isms-test-secret-key-0000000000000000000000}
conf=$dir/ceph.conf
ceph_cli=(timeout 60 ceph -c "$conf" --connect-timeout 15)

say() { printf '[ceph-rgw %s] %s\n' "$(date +%T)" "$*" >&2; }

# The PIDs in this cluster's PID files that still run with this cluster's config (a PID file left behind
# may name a PID the system has since given to an unrelated process).
cluster_pids() {
  local file pid
  for file in "$dir"/run/*.pid; do
    [ -e "$file" ] || continue
    pid=$(cat "$file")
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$conf"; then echo "$pid"; fi
  done
}

stop_cluster() {
  local pids
  pids=$(cluster_pids)
  # SIGKILL: the data is thrown away next, and a graceful shutdown costs seconds per daemon.
  if [ -n "$pids" ]; then
    # shellcheck disable=SC2086
    kill -9 $pids 2>/dev/null || true
    for _ in $(seq 50); do
      [ -z "$(cluster_pids)" ] && break
      sleep 0.1
    done
  fi
  rm -rf "$dir"
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# One signed S3 request with curl (which does not add the payload hash header RGW requires).
s3_call() {
  local method=$1 target=$2 body=${3:-} digest
  digest=$(printf '%s' "$body" | sha256sum | cut -d' ' -f1)
  curl -fsS -o /dev/null --aws-sigv4 "aws:amz:us-east-1:s3" --user "$access:$secret" \
    -H "x-amz-content-sha256: $digest" -X "$method" ${body:+--data-binary "$body"} "http://127.0.0.1:$port$target"
}

write_conf() {
  local fsid=$1
  cat >"$conf" <<EOF
[global]
fsid = $fsid
mon host = [v2:127.0.0.1:$mon_port]
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
public network = 127.0.0.0/8
ms bind ipv4 = true
ms bind ipv6 = false
ms bind msgr1 = false
auth cluster required = none
auth service required = none
auth client required = none
mon warn on insecure global id reclaim allowed = false
run dir = $dir/run
admin socket = $dir/run/\$name.asok
pid file = $dir/run/\$name.pid
log file = $dir/log/\$name.log
crash dir = $dir/crash
keyring = $dir/keyring
log to stderr = false
err to stderr = true
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon max pg per osd = 500
mon data avail crit = 1
mon data avail warn = 2

[mon]
mon data = $dir/mon.\$id
mon cluster log file = $dir/log/cluster.log
paxos propose interval = 0.05
paxos min wait = 0.01

[osd]
osd data = $dir/osd.\$id
osd objectstore = memstore
memstore device bytes = ${RGW_MEMSTORE_BYTES:-2147483648}
osd crush update on start = true
osd op num shards = 1
osd op num threads per shard = 2

[client.rgw.isms]
rgw frontends = beast endpoint=127.0.0.1:$port
auth client required = none
ms mon client mode = crc
rgw data = $dir/rgw
log file = $dir/log/rgw.log
rgw thread pool size = 64
EOF
  : >"$dir/keyring"
}

wait_for() {
  local tries=$1
  shift
  for _ in $(seq "$tries"); do
    if "$@"; then return 0; fi
    sleep 0.25
  done
  return 1
}

osd_up() { "${ceph_cli[@]}" osd dump 2>/dev/null | grep -q "^osd.$1 up "; }
s3_answers() { curl -fs -o /dev/null "http://127.0.0.1:$port/"; }

start_cluster() {
  local started=$SECONDS fsid osd_uuid osd_id taken
  [ -d "$dir" ] && stop_cluster
  for taken in "$mon_port" "$port"; do
    if port_taken "$taken"; then
      say "127.0.0.1:$taken is in use: set RGW_PORT / RGW_MON_PORT"
      exit 1
    fi
  done
  mkdir -p "$dir"/{run,log,crash,mon.a,osd.0,rgw}
  fsid=$(cat /proc/sys/kernel/random/uuid)
  write_conf "$fsid"
  local daemon_errors=$dir/log/daemon-stderr.log

  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$mon_port]" "$dir/monmap" >/dev/null
  ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap" >/dev/null
  ceph-mon -c "$conf" -i a 2>>"$daemon_errors"

  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  osd_id=$("${ceph_cli[@]}" osd new "$osd_uuid")
  if ! ceph-osd -c "$conf" -i "$osd_id" --mkfs --osd-uuid "$osd_uuid" >"$dir/log/osd-mkfs.log" 2>&1; then
    tail -20 "$dir/log/osd-mkfs.log" >&2
    exit 1
  fi
  ceph-osd -c "$conf" -i "$osd_id" 2>>"$daemon_errors"
  wait_for 240 osd_up "$osd_id" || { say "osd.$osd_id did not come up; logs in $dir/log"; exit 1; }

  radosgw -c "$conf" -n client.rgw.isms 2>>"$daemon_errors"
  wait_for 240 s3_answers || { say "RGW did not answer; logs in $dir/log"; exit 1; }

  timeout 60 radosgw-admin -c "$conf" user create --uid=isms-test --display-name="ISMS test admin" \
    --access-key="$access" --secret-key="$secret" >/dev/null

  s3_call PUT /isms-warmup
  s3_call PUT /isms-warmup/object warm
  s3_call DELETE /isms-warmup/object
  s3_call DELETE /isms-warmup

  say "ready in $((SECONDS - started)) s"
  echo "RGW_READY endpoint=http://127.0.0.1:$port access=$access secret=$secret"
}

gateway_pid() {
  local file=$dir/run/client.rgw.isms.pid pid
  [ -e "$file" ] || return 0
  pid=$(cat "$file")
  if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$conf"; then echo "$pid"; fi
}

conf_port() { sed -n 's/^rgw frontends = beast endpoint=127.0.0.1:\([0-9]*\)$/\1/p' "$conf"; }

stop_gateway() {
  local pid
  port=$(conf_port)
  pid=$(gateway_pid)
  [ -n "$pid" ] || return 0
  kill -9 "$pid"
  for _ in $(seq 50); do
    [ -z "$(gateway_pid)" ] && ! s3_answers && return 0
    sleep 0.1
  done
}

start_gateway() {
  port=$(conf_port)
  radosgw -c "$conf" -n client.rgw.isms 2>>"$dir/log/daemon-stderr.log"
  wait_for 240 s3_answers || { say "RGW did not answer again; logs in $dir/log"; exit 1; }
}

case ${1:-} in
  stop-gateway) stop_gateway ;;
  pause-gateway) pid=$(gateway_pid) && [ -n "$pid" ] && kill -STOP "$pid" ;;
  resume-gateway) pid=$(gateway_pid) && [ -n "$pid" ] && kill -CONT "$pid" ;;
  start-gateway) start_gateway ;;
  start)
    # A start that fails half-way leaves no daemon behind.
    trap 'status=$?; if [ "$status" -ne 0 ]; then stop_cluster; fi' EXIT
    start_cluster
    ;;
  stop) stop_cluster ;;
  admin)
    shift
    timeout 60 radosgw-admin -c "$conf" "$@"
    ;;
  *)
    echo "usage: $0 start|stop|admin <radosgw-admin arguments>" >&2
    exit 2
    ;;
esac
