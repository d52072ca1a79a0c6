# The linux board with the poll(2) poller instead of epoll: what systems
# without epoll get. make test runs the JS suite on it to keep that path true.
include boards/linux/board.mk
CFLAGS_BOARD += -DPETREL_POLLER_POLL
TEST_SUITES := cli net-real
TEST_SANITIZED :=
