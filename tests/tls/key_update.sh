# tests/tls/key_update.sh: sourced by tests/tls/run.sh and tests/tls/board.sh (after
# start_server.sh). TLS 1.3 KeyUpdate messages from an openssl peer, both ways: typing
# "k" on s_server's or s_client's stdin sends a KeyUpdate, "K" one that asks the other
# side to update its keys too. The Petrel connection must go on with the new keys:
# every line after an update arrives, Petrel answers "K" with a KeyUpdate of its own
# (openssl's -msg shows the messages both ways), and what it sends after that, under
# its new keys, reaches the peer. The sourcing script also sets ok, bad, c_certs
# (a directory with ca.crt, server.crt, server.key).

key_update_client_check() { # key_update_client_check RUN_CLIENT: RUN_CLIENT PORT runs keyupdate_client.js
  local run=$1 fifo="$tmp/ku-server.in" cout="$tmp/ku-client.out" cpid
  rm -f "$fifo"; mkfifo "$fifo"; exec 5<>"$fifo"
  START_STDIN=$fifo start_on_next_port ku-server '^ACCEPT' 400 in_peer openssl s_server -accept "$peer_addr:@PORT@" \
    -naccept 1 -cert "$c_certs/server.crt" -key "$c_certs/server.key" -tls1_3 -msg
  "$run" "$port" > "$cout" 2>&1 &
  cpid=$!
  # s_server prints what the client sent; each step waits for the client's answer. A
  # command letter must come alone (s_server drops the rest of what it read with it): the
  # next line waits until -msg shows the KeyUpdate sent, or after "K" Petrel's answer.
  local so="$tmp/ku-server.out"
  wait_line "$cout" '^secure' && echo one >&5 && wait_line "$so" '^ack one' &&
    echo k >&5 && wait_line "$so" '^>>> .*KeyUpdate' && echo two >&5 && wait_line "$so" '^ack two' &&
    echo K >&5 && wait_line "$so" '^<<< .*KeyUpdate' && echo three >&5 && wait_line "$so" '^ack three' && echo end >&5
  wait $cpid 2>/dev/null
  exec 5>&-
  local got; got=$(tr '\n' ' ' < "$cout")
  if [ "$got" = 'secure TLSv1.3 data "one\n" data "two\n" data "three\n" data "end\n" close ' ] &&
     [ "$(grep -c '^>>> .*KeyUpdate' "$tmp/ku-server.out")" = 2 ] && [ "$(grep -c '^<<< .*KeyUpdate' "$tmp/ku-server.out")" = 1 ]; then
    ok "client <- openssl s_server -tls1_3 sending KeyUpdate ('k') and one asking for an update back ('K'): answered, the connection goes on both ways"
  else
    bad "KeyUpdate from s_server: client '$got'"; grep -v '^[A-Za-z0-9+/=]\{40,\}$' "$tmp/ku-server.out" | tail -8 | sed 's/^/     | /'
  fi
}

key_update_server_check() { # key_update_server_check START ADDR: START NAME MODE starts the Petrel
  # server.js in MODE and sets $port; ADDR is where s_client reaches it
  local start=$1 addr=$2 fifo="$tmp/ku-client.in" cout="$tmp/ku-sclient.out" cpid
  rm -f "$fifo"; mkfifo "$fifo"; exec 5<>"$fifo"
  "$start" ku-echo echo
  in_peer timeout 120 openssl s_client -connect "$addr:$port" -CAfile "$c_certs/ca.crt" -verify_return_error -tls1_3 -msg \
    < "$fifo" > "$cout" 2>&1 &
  cpid=$!
  # The echo server sends each line back: each step waits for it (and, as above, for
  # the KeyUpdate sent, or answered, before the next line).
  wait_line "$tmp/ku-echo.out" '^secure' && echo one >&5 && wait_line "$cout" '^one' &&
    echo k >&5 && wait_line "$cout" '^>>> .*KeyUpdate' && echo two >&5 && wait_line "$cout" '^two' &&
    echo K >&5 && wait_line "$cout" '^<<< .*KeyUpdate' && echo three >&5 && wait_line "$cout" '^three' && echo Q >&5
  wait $cpid 2>/dev/null
  exec 5>&-
  if grep -q '^three' "$cout" && [ "$(grep -c '^>>> .*KeyUpdate' "$cout")" = 2 ] && [ "$(grep -c '^<<< .*KeyUpdate' "$cout")" = 1 ] &&
     ! grep -q 'error' "$tmp/ku-echo.out"; then
    ok "openssl s_client -tls1_3 sending KeyUpdate ('k', then 'K': asking for one back) -> echo server: answered, the connection goes on both ways"
  else
    bad "KeyUpdate from s_client"; grep -v '^[A-Za-z0-9+/=]\{40,\}$' "$cout" | tail -8 | sed 's/^/     | /'; sed 's/^/     | /' "$tmp/ku-echo.out"
  fi
}
