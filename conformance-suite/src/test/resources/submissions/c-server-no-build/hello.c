/* good-client-c: a correct HelloInternet client.
 * Breaks: nothing. Tries every address getaddrinfo() returns for HOST, in order; reads
 * until the reply's LF or the end of the connection, with a 10 s timeout.
 * Build: gcc -O2 -o client client.c */
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    char host[256], reply[1100];
    if (argc != 3 || strlen(argv[1]) >= sizeof host || strspn(argv[2], "0123456789") != strlen(argv[2])) {
        fprintf(stderr, "usage: %s HOST PORT\n", argv[0]);
        return 2;
    }
    strcpy(host, argv[1]);
    size_t hl = strlen(host);
    if (hl > 1 && host[0] == '[' && host[hl - 1] == ']') {   /* "[::1]" -> "::1" */
        memmove(host, host + 1, hl - 2);
        host[hl - 2] = 0;
    }
    struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res, *ai;
    int err = getaddrinfo(host, argv[2], &hints, &res), fd = -1;
    if (err) {
        fprintf(stderr, "client: cannot resolve %s: %s\n", host, gai_strerror(err));
        return 1;
    }
    struct timeval tv = { 10, 0 };             /* SO_SNDTIMEO also limits connect() on Linux */
    for (ai = res; ai != NULL && fd < 0; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0) continue;
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) < 0) { close(fd); fd = -1; }
    }
    freeaddrinfo(res);
    if (fd < 0) {
        fprintf(stderr, "client: cannot connect to %s port %s: %s\n", host, argv[2], strerror(errno));
        return 1;
    }
    const char *hello = "Hello in C\n";
    send(fd, hello, strlen(hello), MSG_NOSIGNAL);
    size_t len = 0;
    while (len < sizeof reply - 1 && memchr(reply, '\n', len) == NULL) {
        ssize_t n = recv(fd, reply + len, sizeof reply - 1 - len, 0);
        if (n < 0) {
            fprintf(stderr, "client: no reply from %s port %s: %s\n", host, argv[2], strerror(errno));
            return 1;
        }
        if (n == 0) break;                     /* server closed: the reply is complete */
        len += n;
    }
    close(fd);
    if (len == 0) {
        fprintf(stderr, "client: the server closed the connection without a reply\n");
        return 1;
    }
    char *nl = memchr(reply, '\n', len);
    size_t l = nl ? (size_t)(nl - reply) : len;
    if (l > 0 && reply[l - 1] == '\r') l--;
    printf("%.*s\n", (int)l, reply);
    return 0;
}
