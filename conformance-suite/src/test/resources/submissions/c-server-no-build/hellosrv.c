/* A server that does not compile (a missing ';', line 28) next to a client that does (hello.c). */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(atoi(argv[1]));
    if (bind(s, (struct sockaddr *) &a, sizeof a) < 0 || listen(s, 16) < 0) {
        perror("listen");
        return 1;
    }
    for (;;) {
        int c = accept(s, NULL, NULL);
        char buf[1024];
        ssize_t n = recv(c, buf, sizeof buf - 1, 0);
        if (n > 0) printf("%.*s", (int) n, buf)
        send(c, "Goodbye in C\n", 13, 0);
        close(c);
    }
}
