# disarm in a container, for GitLab CI and other runners:
#   docker build -t disarm .
#   docker run --rm -v "$PWD:/work" disarm lint data
# Two stages: the official Swift image builds one static binary; the final image is Debian's slim base with only that.
FROM swift:6.1-bookworm AS build
# Debian stable's own versions: pinning them would break the build at each security update.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libcmark-dev libsqlite3-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN swift build -c release --product disarm -Xswiftc -static-executable --scratch-path /build \
    && strip -o /usr/local/bin/disarm "$(swift build -c release --scratch-path /build --show-bin-path)/disarm"

FROM debian:bookworm-slim
COPY --from=build /usr/local/bin/disarm /usr/local/bin/disarm
RUN useradd --create-home --uid 1000 disarm
USER 1000
WORKDIR /work
ENTRYPOINT ["disarm"]
CMD ["--help"]
