/* zero-fallback-client: converts HOST with inet_pton() and ignores its failure: for a name such as
 * localhost the address stays 0.0.0.0, which Linux routes to 127.0.0.1, so it "works" on the same machine
 * only (and ::1 fails the same way).
 * Breaks: CLI-HOSTNAME, CLI-IPV6. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/time.h>

int main(int argc, char *argv[])
{
    struct sockaddr_in server;
    struct timeval tv = { 10, 0 };
    char reply[1100];
    int sock;
    long port;
    char *end;
    size_t got = 0;

    if (argc != 3 || (port = strtol(argv[2], &end, 10)) <= 0 || port > 65535 || *end != '\0') {
        fprintf(stderr, "Usage: %s <host> <port>\n", argv[0]);
        return 2;
    }

    memset(&server, 0, sizeof(server));
    server.sin_family = AF_INET;
    server.sin_port = htons(port);
    inet_pton(AF_INET, argv[1], &server.sin_addr);

    sock = socket(AF_INET, SOCK_STREAM, 0);
    if (sock < 0) {
        perror("socket");
        return 1;
    }
    setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(sock, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);   /* also limits connect() */
    if (connect(sock, (struct sockaddr *)&server, sizeof(server)) < 0) {
        fprintf(stderr, "client: cannot connect to %s port %ld: %s\n", argv[1], port,
                errno == EINPROGRESS ? "timed out" : strerror(errno));
        return 1;
    }

    const char *msg = "Hello in C\n";
    send(sock, msg, strlen(msg), MSG_NOSIGNAL);

    while (got < sizeof(reply) - 1) {
        ssize_t n = recv(sock, reply + got, sizeof(reply) - 1 - got, 0);
        if (n < 0) {
            fprintf(stderr, "client: no reply from %s port %ld: %s\n", argv[1], port,
                    errno == EAGAIN ? "timed out" : strerror(errno));
            return 1;
        }
        if (n == 0)
            break;
        got += n;
        if (memchr(reply, '\n', got))
            break;
    }
    close(sock);
    if (got == 0) {
        fprintf(stderr, "client: server closed the connection without replying\n");
        return 1;
    }
    reply[got] = '\0';
    reply[strcspn(reply, "\r\n")] = '\0';
    printf("%s\n", reply);
    return 0;
}
