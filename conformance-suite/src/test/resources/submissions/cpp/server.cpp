// A HelloInternet server in C++: one thread per connection; poll() gives the 300 ms quiet period.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <regex>
#include <string>
#include <thread>

static const std::regex HELLO("Hello in [^\\s\\x00-\\x1f\\x7f]{1,64}");

static std::string stripCr(const std::string& s) {
    return !s.empty() && s.back() == '\r' ? s.substr(0, s.size() - 1) : s;
}

static void answer(int fd, const std::string& line) {
    std::string reply;
    if (std::regex_match(line, HELLO)) {
        std::cout << line << std::endl;  // endl flushes
        reply = "Goodbye in C++\n";
    } else {
        reply = "Error: expected \"Hello in <language>\", got \"" + line.substr(0, 100) + "\"\n";
    }
    send(fd, reply.data(), reply.size(), MSG_NOSIGNAL);
}

static void handle(int fd) {
    std::string buf;
    char data[1024];
    int idleMs = 0;
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 300) == 0) {  // quiet period: a complete hello without LF?
            if (std::regex_match(stripCr(buf), HELLO)) { answer(fd, stripCr(buf)); break; }
            if ((idleMs += 300) > 30000) break;
            continue;
        }
        ssize_t n = recv(fd, data, sizeof data, 0);
        if (n <= 0) {  // closed, half-closed or reset
            if (n == 0 && !stripCr(buf).empty()) answer(fd, stripCr(buf));
            break;
        }
        buf.append(data, n);
        idleMs = 0;
        size_t lf;
        bool done = false;
        while (!done && (lf = buf.find('\n')) != std::string::npos) {
            std::string line = stripCr(buf.substr(0, lf));
            buf.erase(0, lf + 1);
            if (!line.empty()) { answer(fd, line); done = true; }  // empty lines are ignored
        }
        if (done) break;
        if (buf.size() > 1024) {
            const char* e = "Error: line longer than 1024 bytes\n";
            send(fd, e, strlen(e), MSG_NOSIGNAL);
            break;
        }
    }
    close(fd);
}

int main(int argc, char** argv) {
    char* end = nullptr;
    long port = argc == 2 ? std::strtol(argv[1], &end, 10) : 0;
    if (argc != 2 || *end != '\0' || port < 1 || port > 65535) {
        std::cerr << "usage: server PORT" << std::endl;
        return 2;
    }
    int srv = socket(AF_INET6, SOCK_STREAM, 0);
    int off = 0, on = 1;
    setsockopt(srv, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);  // IPv4 and IPv6
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in6 addr{};
    addr.sin6_family = AF_INET6;
    addr.sin6_addr = in6addr_any;
    addr.sin6_port = htons(port);
    if (bind(srv, (sockaddr*)&addr, sizeof addr) < 0 || listen(srv, 128) < 0) {
        perror("server: cannot listen");
        return 1;
    }
    std::cerr << "listening on port " << port << std::endl;
    for (;;) {
        int fd = accept(srv, nullptr, nullptr);
        if (fd >= 0) std::thread(handle, fd).detach();
    }
}
