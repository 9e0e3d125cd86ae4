// 한국어 catalogue: the English text of nslab's code (the argument of t()) → its Korean.
// Words follow docs/glossary.ko.md; commands, interface names, addresses and rule text stay as
// they are. test/unit/i18n.test.ts fails on a t() text missing here, or an entry no code uses.
export const ko: Record<string, string> = {
  // plan: steps
  '; --link also sets {count} variables in its environment ({first}={value}, …, {last}): nslab exec {lab} {name} -- env':
    '. --link는 환경 변수 {count}개도 설정합니다({first}={value}, …, {last}): nslab exec {lab} {name} -- env',
  'sandbox: namespace {ns} plays the Docker host {host}':
    '샌드박스: Docker 호스트 {host} 역할을 하는 네임스페이스 {ns}',
  'sandbox: namespace {ns} plays the Docker host': '샌드박스: Docker 호스트 역할을 하는 네임스페이스 {ns}',
  'everything below happens inside it, so the machine’s own network is never touched':
    '아래의 모든 작업이 이 안에서 일어나므로, 이 머신의 네트워크는 전혀 건드리지 않습니다',
  'Docker works in the machine’s own namespace; here a namespace stands in for that machine':
    'Docker는 머신 자체의 네임스페이스에서 작업합니다. 여기서는 네임스페이스 하나가 그 머신을 대신합니다',
  'namespace {ns} plays the world outside: a LAN switch, its router {router} and servers at {server}':
    '바깥 세상 역할을 하는 네임스페이스 {ns}: LAN 스위치, 라우터 {router}, 서버 {server}',
  'documentation addresses (RFC 5737) on a namespace of nslab’s: no real network is ever reached':
    'nslab의 네임스페이스에 문서용 주소(RFC 5737)를 씁니다. 실제 네트워크에는 절대 닿지 않습니다',
  'Docker uses whatever network the machine is on; here that network is a namespace too':
    'Docker는 머신이 연결된 네트워크를 그대로 씁니다. 여기서는 그 네트워크도 네임스페이스입니다',
  'the host: uplink {uplink} ({address}) plugged into the outside’s LAN':
    '호스트: 바깥 네트워크의 LAN에 꽂은 업링크 {uplink} ({address})',
  'host {host}: uplink {uplink} ({address}) plugged into the outside’s LAN':
    '호스트 {host}: 바깥 네트워크의 LAN에 꽂은 업링크 {uplink} ({address})',
  'a Docker host needs a NIC and a default route, like a VM on its LAN':
    'Docker 호스트에는 LAN에 붙은 VM처럼 NIC와 기본 경로가 필요합니다',
  'an extra veth of nslab’s, routed only to the outside’s servers: the machine’s real uplink is left alone':
    'nslab이 따로 만든 veth로, 바깥 네트워크의 서버로 가는 경로만 있습니다. 머신의 실제 업링크는 건드리지 않습니다',
  'Docker uses the machine’s NIC (eth0); it never creates one':
    'Docker는 머신의 NIC(eth0)를 그대로 씁니다. NIC를 새로 만들지는 않습니다',
  'container {name}: network namespace {ns}, lo up (network none: nothing else)':
    '컨테이너 {name}: 네트워크 네임스페이스 {ns}, lo 올림 (network none: 그 밖에는 없음)',
  'container {name}: network namespace {ns}, lo up': '컨테이너 {name}: 네트워크 네임스페이스 {ns}, lo 올림',
  'a namespace has its own interfaces, routes and iptables; it starts with only lo, and lo starts DOWN':
    '네임스페이스는 인터페이스, 경로, iptables를 따로 가집니다. 처음에는 lo만 있고, 그 lo도 DOWN 상태입니다',
  'docker run --network none stops here: the container gets lo and nothing else':
    'docker run --network none은 여기서 멈춥니다. 컨테이너에는 lo 말고는 아무것도 없습니다',
  'docker run creates the container’s sandbox, a namespace under /var/run/docker/netns, and brings lo up':
    'docker run은 컨테이너의 샌드박스(/var/run/docker/netns 아래의 네임스페이스)를 만들고 lo를 올립니다',
  'container {name}: its /etc/hosts and resolv.conf': '컨테이너 {name}: /etc/hosts와 resolv.conf',
  '`ip netns exec` mounts {dir}/* over /etc; resolv.conf sends every lookup to {resolver}, the DNS server of user-defined networks':
    '`ip netns exec`는 {dir}/*를 /etc 위에 마운트합니다. resolv.conf는 모든 조회를 사용자 정의 네트워크의 DNS 서버인 {resolver}(으)로 보냅니다',
  '`ip netns exec` mounts {dir}/* over /etc; resolv.conf points at no server so no lookup leaves the lab':
    '`ip netns exec`는 {dir}/*를 /etc 위에 마운트합니다. resolv.conf에 서버가 없으므로 어떤 조회도 랩 밖으로 나가지 않습니다',
  'on a user-defined network Docker writes /etc/hosts with the container itself only, and resolv.conf with nameserver {resolver} and options ndots:0: the other containers’ names come from its embedded DNS server':
    '사용자 정의 네트워크에서 Docker는 /etc/hosts에 컨테이너 자신만 적고, resolv.conf에 nameserver {resolver}와 options ndots:0을 적습니다. 다른 컨테이너의 이름은 임베디드 DNS 서버가 알려 줍니다',
  'Docker writes /etc/hosts (the container itself, --link entries) and resolv.conf; on user networks it answers names at 127.0.0.11':
    'Docker는 /etc/hosts(컨테이너 자신, --link 항목)와 resolv.conf를 씁니다. 사용자 정의 네트워크에서는 127.0.0.11에서 이름에 답합니다',
  'overlay {name} on {host}: bridge {name} (layer 2 only, no gateway)':
    '{host}의 오버레이 {name}: 브리지 {name} (L2만, 게이트웨이 없음)',
  'network {name}: bridge {name} with gateway {gateway}':
    '네트워크 {name}: 브리지 {name}, 게이트웨이 {gateway}',
  'each host gets its own bridge for the overlay; VXLAN joins the bridges into one segment':
    '호스트마다 오버레이용 브리지를 따로 둡니다. VXLAN이 이 브리지들을 하나의 세그먼트로 잇습니다',
  'a bridge is a virtual switch; its own address is the gateway of {subnet} and gives the host a route to it':
    '브리지는 가상 스위치입니다. 브리지 자신의 주소가 {subnet}의 게이트웨이가 되고, 이 주소 덕분에 호스트에 그 서브넷으로 가는 경로가 생깁니다',
  'Docker builds br0 + vxlan0 inside a namespace per overlay network on every host that has a container on it':
    'Docker는 오버레이 네트워크마다, 그 네트워크에 컨테이너가 있는 모든 호스트에 네임스페이스를 하나 만들고 그 안에 br0 + vxlan0을 만듭니다',
  'dockerd creates docker0 (172.17.0.1/16) at start; `docker network create` makes a br-<id> bridge the same way':
    'dockerd는 시작할 때 docker0(172.17.0.1/16)을 만듭니다. `docker network create`도 같은 방식으로 br-<id> 브리지를 만듭니다',
  'overlay {name} on {host}: VXLAN {dev} (VNI {vni}, udp/4789) to {peers}':
    '{host}의 오버레이 {name}: VXLAN {dev} (VNI {vni}, udp/4789) → {peers}',
  'VXLAN wraps each Ethernet frame in UDP to the other hosts: 50 bytes more, so the containers’ MTU is 1450':
    'VXLAN은 이더넷 프레임을 하나씩 UDP에 담아 다른 호스트로 보냅니다. 50바이트가 늘어나므로 컨테이너의 MTU는 1450입니다',
  'Docker’s overlay driver creates vxlan0 with the network’s VNI and fills its fdb from the cluster’s gossip':
    'Docker의 overlay 드라이버는 네트워크의 VNI로 vxlan0을 만들고, 클러스터의 gossip으로 fdb를 채웁니다',
  'let {name} forward although FORWARD drops (Docker’s trap)':
    '{name} 포워딩 허용: FORWARD가 버려도 (Docker의 함정)',
  'Docker set the FORWARD policy to DROP and br_netfilter sends bridged frames through it: without this, pings between containers die':
    'Docker가 FORWARD 정책을 DROP으로 바꿨고, br_netfilter는 브리지를 지나는 프레임도 이 체인으로 보냅니다. 이 규칙이 없으면 컨테이너 사이의 ping이 버려집니다',
  'Docker adds the same accept for its own bridges (-i docker0 -o docker0 -j ACCEPT) but not for yours':
    'Docker는 자기 브리지에는 같은 ACCEPT(-i docker0 -o docker0 -j ACCEPT)를 넣지만, 여러분의 브리지에는 넣지 않습니다',
  'endpoint {endpoint}: {kind} child of {uplink}, {address} on the LAN':
    '엔드포인트 {endpoint}: {uplink}의 {kind} 자식, LAN의 {address}',
  'a macvlan child has its own MAC on the parent’s wire; in bridge mode children reach each other, but never the parent itself':
    'macvlan 자식은 부모와 같은 선 위에서 자기만의 MAC을 가집니다. bridge 모드에서 자식끼리는 통하지만, 부모와는 절대 통하지 않습니다',
  'an ipvlan child shares the parent’s MAC; the kernel tells children apart by IP address':
    'ipvlan 자식은 부모의 MAC을 함께 씁니다. 커널은 IP 주소로 자식을 구별합니다',
  'docker network create -d {kind} -o parent=eth0 … creates the child in the host, moves it into the container and renames it {ifname}':
    'docker network create -d {kind} -o parent=eth0 …는 호스트에 자식 인터페이스를 만들고, 컨테이너로 옮긴 뒤 이름을 {ifname}(으)로 바꿉니다',
  'endpoint {endpoint}: veth {hostIfname} ⇄ {ifname}, {address} on {network}':
    '엔드포인트 {endpoint}: veth {hostIfname} ⇄ {ifname}, {network}의 {address}',
  'a veth pair is a cable: one end in the container as {ifname}, the other plugged into the bridge':
    'veth 페어는 케이블입니다. 한쪽 끝은 컨테이너 안의 {ifname}이고, 다른 끝은 브리지에 꽂힙니다',
  '; the default route leads to the gateway': '. 기본 경로는 게이트웨이로 향합니다',
  'Docker creates vethXXXXXXX, moves its peer into the container and renames it {ifname}, attaches the host end to the bridge and gives {ifname} the next free address':
    'Docker는 vethXXXXXXX를 만들고, 짝을 컨테이너로 옮겨 이름을 {ifname}(으)로 바꾼 뒤, 호스트 쪽 끝을 브리지에 붙이고 {ifname}에 다음 빈 주소를 줍니다',
  '; with userland-proxy false it turns hairpin mode on for the bridge port':
    '. userland-proxy가 false면 브리지 포트의 헤어핀 모드도 켭니다',
  'macvlan shim {dev} ({address}) so the host reaches its macvlan containers':
    '호스트가 자기 macvlan 컨테이너에 닿게 해 주는 macvlan 심 인터페이스 {dev} ({address})',
  'the parent cannot talk to its own children; a macvlan interface of the host’s own is a sibling, and siblings can':
    '부모는 자기 자식과 통신할 수 없습니다. 호스트가 가진 macvlan 인터페이스는 자식들의 형제이고, 형제끼리는 통신할 수 있습니다',
  'Docker does not do this for you: it is the documented workaround for "my host cannot reach my macvlan container"':
    'Docker가 대신 해 주지 않습니다. "호스트에서 macvlan 컨테이너에 닿지 않는다"는 문제에 대해 문서에 나온 우회 방법입니다',
  'the host forwards packets between its interfaces: net.ipv4.ip_forward=1, FORWARD policy DROP':
    '호스트가 인터페이스 사이에서 패킷을 포워딩: net.ipv4.ip_forward=1, FORWARD 정책 DROP',
  'the host forwards packets between its interfaces: net.ipv4.ip_forward=1':
    '호스트가 인터페이스 사이에서 패킷을 포워딩: net.ipv4.ip_forward=1',
  'without it the host answers its containers but routes nothing for them: no way out, no published port':
    '이 설정이 없으면 호스트는 컨테이너에 답은 해도 컨테이너를 위해 라우팅은 하지 않습니다. 밖으로 나갈 길도, 게시된 포트도 없습니다',
  '; with the policy DROP only what the rules below accept is forwarded':
    '. 정책이 DROP이므로 아래 규칙이 허용한 것만 포워딩됩니다',
  'dockerd sets net.ipv4.ip_forward=1 when it starts (and leaves it so); when it was 0, it also sets the FORWARD policy to DROP':
    'dockerd는 시작할 때 net.ipv4.ip_forward=1로 설정하고 그대로 둡니다. 원래 0이었다면 FORWARD 정책도 DROP으로 바꿉니다',
  ' (nslab leaves the machine’s policy alone)': ' (nslab은 이 머신의 정책을 건드리지 않습니다)',
  'docker-proxy for {name}: listens on {proto} {listen} in the host, forwards to {target}':
    '{name}의 docker-proxy: 호스트의 {proto} {listen}에서 받아 {target}에 전달',
  'the DNAT misses the host’s own 127.0.0.1 (Docker’s OUTPUT jump skips 127.0.0.0/8): the proxy takes those on the host’s port and connects to the container itself, so the container sees the gateway {gateway} as its client':
    'DNAT는 호스트 자신의 127.0.0.1을 놓칩니다(Docker의 OUTPUT 점프는 127.0.0.0/8을 건너뜁니다). 프록시가 호스트 포트에서 이런 연결을 받아 직접 컨테이너에 연결하므로, 컨테이너에는 게이트웨이 {gateway}가 클라이언트로 보입니다',
  'the DNAT misses the host’s own 127.0.0.1 (Docker’s OUTPUT jump skips 127.0.0.0/8) and a container of {network} calling the published port (Docker’s -i {network} -j RETURN): the proxy takes those on the host’s port and connects to the container itself, so the container sees the gateway {gateway} as its client':
    'DNAT는 호스트 자신의 127.0.0.1(Docker의 OUTPUT 점프는 127.0.0.0/8을 건너뜁니다)과, 게시된 포트를 부르는 {network}의 컨테이너(Docker의 -i {network} -j RETURN)를 놓칩니다. 프록시가 호스트 포트에서 이런 연결을 받아 직접 컨테이너에 연결하므로, 컨테이너에는 게이트웨이 {gateway}가 클라이언트로 보입니다',
  '; udp: one flow per client, forgotten after 90 s without an answer':
    '. udp: 클라이언트마다 흐름을 하나 두고, 90초 동안 응답이 없으면 잊습니다',
  'dockerd runs /usr/bin/docker-proxy {flags}, one process per published port with userland-proxy on, the default; the plan shows that command with nslab’s docker-proxy.js in the place of Docker’s binary':
    'userland-proxy가 켜져 있으면(기본값) dockerd는 게시된 포트마다 프로세스를 하나씩 띄워 /usr/bin/docker-proxy {flags}를 실행합니다. 계획에는 Docker의 바이너리 대신 nslab의 docker-proxy.js로 같은 명령이 나옵니다',
  'dockerd runs /usr/bin/docker-proxy {flags}, one process per published port (and one more on -host-ip :: for IPv6) with userland-proxy on, the default; the plan shows that command with nslab’s docker-proxy.js in the place of Docker’s binary':
    'userland-proxy가 켜져 있으면(기본값) dockerd는 게시된 포트마다 프로세스를 하나씩(IPv6용으로 -host-ip ::에 하나 더) 띄워 /usr/bin/docker-proxy {flags}를 실행합니다. 계획에는 Docker의 바이너리 대신 nslab의 docker-proxy.js로 같은 명령이 나옵니다',
  'service {name}: virtual IP {vip} → {backends}': '서비스 {name}: 가상 IP {vip} → {backends}',
  'no interface has the VIP: DNAT picks a backend per connection, at random (iptables statistic), and the answer is un-NATed on the way back':
    'VIP를 가진 인터페이스는 없습니다. DNAT가 연결마다 백엔드를 무작위로 고르고(iptables statistic), 응답은 돌아가는 길에 NAT가 풀립니다',
  'Docker’s swarm services and Kubernetes’ kube-proxy (iptables mode) build the same KUBE-SVC/KUBE-SEP chains of DNAT rules':
    'Docker의 swarm 서비스와 Kubernetes의 kube-proxy(iptables 모드)도 DNAT 규칙으로 된 같은 KUBE-SVC/KUBE-SEP 체인을 만듭니다',
  '{owner}: start a {kind} server on port {port}': '{owner}: 포트 {port}에서 {kind} 서버 시작',
  'it answers "{owner}" and the client’s address, so a check can tell who answered and who asked':
    '"{owner}"와 클라이언트 주소로 답하므로, 점검에서 누가 답했고 누가 물었는지 알 수 있습니다',
  'it answers each datagram with "{owner}" and the client’s address':
    '데이터그램마다 "{owner}"와 클라이언트 주소로 답합니다',
  'it accepts connections, so a check can tell the port is reachable':
    '연결을 받아 주므로, 점검에서 그 포트에 닿는지 알 수 있습니다',
  'the process of the container: it listens inside the namespace it was started in':
    '컨테이너의 프로세스입니다. 시작된 네임스페이스 안에서 연결을 기다립니다',
  'container {name}: DNS server at {resolver}:53 → {resolver}:{udp}/udp, :{tcp}/tcp, and its nat rules':
    '컨테이너 {name}: DNS 서버 {resolver}:53 → {resolver}:{udp}/udp, :{tcp}/tcp, 그리고 nat 규칙',
  'resolv.conf sends lookups to {resolver}:53; DOCKER_OUTPUT DNATs them to the resolver’s ports (Docker’s are random; nslab derives {udp} and {tcp} from the name {name}, so the plan is the same every time), which answers the names of the containers on its networks':
    'resolv.conf는 조회를 {resolver}:53으로 보내고, DOCKER_OUTPUT이 이를 리졸버의 포트로 DNAT합니다(Docker는 포트를 무작위로 고르지만, nslab은 이름 {name}에서 {udp}와 {tcp}를 정해 계획이 늘 같습니다). 리졸버는 자기 네트워크에 있는 컨테이너의 이름에 답합니다',
  'dockerd listens on 127.0.0.11 inside the container’s namespace at two random ports, then runs iptables there: chains DOCKER_OUTPUT and DOCKER_POSTROUTING, DNAT of port 53 (it inserts udp then tcp with -I, so tcp comes first), SNAT back to :53 (conntrack already undoes the DNAT for the answers)':
    'dockerd는 컨테이너의 네임스페이스 안에서 127.0.0.11의 무작위 포트 두 개로 기다리고, 그 안에서 iptables를 실행합니다: DOCKER_OUTPUT과 DOCKER_POSTROUTING 체인, 포트 53의 DNAT(udp, tcp 순으로 -I로 넣으므로 tcp가 앞에 옵니다), :53으로 되돌리는 SNAT(응답의 DNAT는 conntrack이 이미 되돌립니다)',
  'nslab’s copies of Docker’s chains: {docker} (nat and filter), {user}, {stage1}, {stage2}':
    'Docker 체인의 nslab 사본: {docker} (nat와 filter), {user}, {stage1}, {stage2}',
  'Docker’s chains: {docker} (nat and filter), {user}, {stage1}, {stage2}':
    'Docker의 체인: {docker} (nat와 filter), {user}, {stage1}, {stage2}',
  'the bridges’ and the published ports’ rules go into chains of their own, jumped to from the built-in ones':
    '브리지와 게시된 포트의 규칙은 전용 체인에 들어가고, 기본 체인에서 그 체인으로 점프합니다',
  '; on this machine they are nslab’s (DOCKER → NSLAB), so Docker’s own are never touched, and they are shared by the labs that are up (the last one down removes them)':
    '. 이 머신에서는 nslab의 체인(DOCKER → NSLAB)을 쓰므로 Docker의 체인은 건드리지 않습니다. 떠 있는 랩들이 함께 쓰고, 마지막 랩이 내려갈 때 지웁니다',
  '{dockerd} creates them when it starts (iptables -N, each ISOLATION chain and DOCKER-USER ending in -j RETURN), and jumps to nat DOCKER for packets to any of the host’s own addresses: from PREROUTING, and from OUTPUT except for 127.0.0.0/8 (its docker-proxy answers the loopback)':
    '{dockerd}는 시작할 때 이 체인들을 만들고(iptables -N, ISOLATION 체인과 DOCKER-USER는 -j RETURN으로 끝남), 호스트 자신의 주소로 가는 패킷을 nat DOCKER로 점프시킵니다: PREROUTING에서, 그리고 OUTPUT에서는 127.0.0.0/8만 빼고(루프백은 docker-proxy가 답합니다)',
  '{dockerd} creates them when it starts (iptables -N, each ISOLATION chain and DOCKER-USER ending in -j RETURN), and jumps to nat DOCKER for packets to any of the host’s own addresses: from PREROUTING, and from OUTPUT loopback included (no docker-proxy: the kernel NATs 127.0.0.1 too)':
    '{dockerd}는 시작할 때 이 체인들을 만들고(iptables -N, ISOLATION 체인과 DOCKER-USER는 -j RETURN으로 끝남), 호스트 자신의 주소로 가는 패킷을 nat DOCKER로 점프시킵니다: PREROUTING에서, 그리고 OUTPUT에서는 루프백까지(docker-proxy가 없으니 커널이 127.0.0.1도 NAT합니다)',
  'network {bridge}: outbound NAT (MASQUERADE {subnet} ! -o {bridge})':
    '네트워크 {bridge}: 나가는 NAT (MASQUERADE {subnet} ! -o {bridge})',
  'network {bridge}: the host’s own loopback requests may leave by it':
    '네트워크 {bridge}: 호스트 자신의 루프백 요청도 이 브리지로 나갈 수 있게',
  'the outside has no route back to a private subnet: the host rewrites the source to its own address on the way out':
    '바깥 네트워크에는 사설 서브넷으로 돌아오는 경로가 없습니다. 그래서 호스트가 나가는 패킷의 출발지 주소를 자기 주소로 바꿉니다',
  'what comes in from {bridge} itself is not DNATed (-i {bridge} -j RETURN): a container calling a published port is answered by docker-proxy':
    '{bridge} 자신에서 들어온 것은 DNAT하지 않습니다(-i {bridge} -j RETURN). 게시된 포트를 부르는 컨테이너에는 docker-proxy가 답합니다',
  'no docker-proxy: route_localnet=1 lets a DNATed 127.0.0.1 leave by {bridge}, and MASQUERADE gives such packets (from any of the host’s own addresses) the bridge’s address':
    'docker-proxy가 없습니다. route_localnet=1이면 DNAT된 127.0.0.1이 {bridge}(으)로 나갈 수 있고, MASQUERADE가 이런 패킷(호스트 자신의 주소에서 온 것)에 브리지의 주소를 줍니다',
  '; ': '. ',
  '{dockerd}, for each bridge network: {what}': '{dockerd}는 브리지 네트워크마다 다음을 합니다: {what}',
  'writes 1 to /proc/sys/net/ipv4/conf/BRIDGE/route_localnet':
    '/proc/sys/net/ipv4/conf/BRIDGE/route_localnet에 1 쓰기',
  'network {b}: forwarded only from {b} to {b} (internal)':
    '네트워크 {b}: {b}에서 {b}(으)로만 포워딩 (internal)',
  'network {b}: what FORWARD lets through (under Docker’s policy of DROP)':
    '네트워크 {b}: FORWARD가 통과시키는 것 (Docker의 DROP 정책 아래에서)',
  'bridged frames between its containers pass FORWARD too (br_netfilter): they are accepted; nothing else is':
    '컨테이너 사이에서 브리지를 지나는 프레임도 FORWARD를 거칩니다(br_netfilter). 이 프레임만 허용하고 나머지는 허용하지 않습니다',
  '{b} → {b} (bridged frames pass FORWARD too: br_netfilter), {b} → anywhere, answers back into {b}; new connections into {b} only through {chain} (published ports)':
    '{b} → {b}(브리지를 지나는 프레임도 FORWARD를 거칩니다: br_netfilter), {b} → 어디로든, {b}(으)로 돌아오는 응답을 허용합니다. {b}(으)로 들어오는 새 연결은 {chain}(게시된 포트)을 거칠 때만 허용합니다',
  '{dockerd} inserts (-I) -i BRIDGE -o BRIDGE -j ACCEPT only':
    '{dockerd}는 -i BRIDGE -o BRIDGE -j ACCEPT만 넣습니다(-I)',
  '{dockerd} inserts (-I) -i BRIDGE -o BRIDGE -j ACCEPT, then -i BRIDGE ! -o BRIDGE -j ACCEPT, -o BRIDGE -j DOCKER and -o BRIDGE -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT, each on top: the newest bridge comes first':
    '{dockerd}는 -i BRIDGE -o BRIDGE -j ACCEPT, 이어서 -i BRIDGE ! -o BRIDGE -j ACCEPT, -o BRIDGE -j DOCKER, -o BRIDGE -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT를 하나씩 맨 위에 넣습니다(-I). 그래서 가장 최근 브리지가 맨 앞에 옵니다',
  'network {b}: isolated from the host’s other bridges ({others})':
    '네트워크 {b}: 호스트의 다른 브리지({others})와 격리',
  'network {b}: isolated from the host’s other bridges': '네트워크 {b}: 호스트의 다른 브리지와 격리',
  'with ip_forward on, the host would route between its bridges: what leaves one bridge for another goes to {stage2}, which drops what is bound for a bridge':
    'ip_forward가 켜져 있으면 호스트는 브리지 사이를 라우팅합니다. 한 브리지에서 다른 브리지로 가는 것은 {stage2}(으)로 가고, 이 체인이 브리지로 향하는 것을 버립니다',
  '{dockerd} inserts, for every bridge network but an internal one, -I DOCKER-ISOLATION-STAGE-1 -i BRIDGE ! -o BRIDGE -j DOCKER-ISOLATION-STAGE-2 and -I DOCKER-ISOLATION-STAGE-2 -o BRIDGE -j DROP (Docker 28 reorganised them)':
    '{dockerd}는 internal을 뺀 모든 브리지 네트워크에 -I DOCKER-ISOLATION-STAGE-1 -i BRIDGE ! -o BRIDGE -j DOCKER-ISOLATION-STAGE-2와 -I DOCKER-ISOLATION-STAGE-2 -o BRIDGE -j DROP을 넣습니다(Docker 28에서 구성이 바뀌었습니다)',
  'network {b}: internal, nothing forwarded into or out of {subnet}':
    '네트워크 {b}: internal, {subnet} 안팎으로는 아무것도 포워딩하지 않음',
  'its containers still reach each other and the gateway, but with ip_forward on the host would route for them: these rules drop what enters the bridge from elsewhere or leaves it for elsewhere':
    '컨테이너끼리, 그리고 게이트웨이와는 여전히 통합니다. 하지만 ip_forward가 켜져 있으면 호스트가 이들을 위해 라우팅하므로, 이 규칙들이 다른 곳에서 브리지로 들어오거나 브리지에서 다른 곳으로 나가는 것을 버립니다',
  'docker network create --internal: no MASQUERADE, no isolation stage rules, and -I DOCKER-ISOLATION-STAGE-1 -i BRIDGE ! -d {subnet} -j DROP, then -I DOCKER-ISOLATION-STAGE-1 -o BRIDGE ! -s {subnet} -j DROP':
    'docker network create --internal: MASQUERADE도, 격리 단계 규칙도 없고, -I DOCKER-ISOLATION-STAGE-1 -i BRIDGE ! -d {subnet} -j DROP, 이어서 -I DOCKER-ISOLATION-STAGE-1 -o BRIDGE ! -s {subnet} -j DROP',
  'FORWARD: {user} first, then {stage1}, then the bridges’ rules':
    'FORWARD: {user} 먼저, 그다음 {stage1}, 그다음 브리지의 규칙',
  '{user} is where a user’s own rules go, before any of Docker’s; isolation comes before the bridges’ ACCEPT rules, or they would let everything through':
    '{user}에는 사용자가 자기 규칙을 넣고, Docker의 어떤 규칙보다 먼저 적용됩니다. 격리는 브리지의 ACCEPT 규칙보다 앞에 와야 합니다. 그렇지 않으면 ACCEPT가 모든 것을 통과시킵니다',
  '{dockerd} puts -j DOCKER-ISOLATION-STAGE-1 and then -j DOCKER-USER on top of FORWARD (-D and -I again) after every network it creates, so they stay first':
    '{dockerd}는 네트워크를 만들 때마다 FORWARD 맨 위에 -j DOCKER-ISOLATION-STAGE-1, 이어서 -j DOCKER-USER를 다시 넣습니다(-D 후 -I). 그래서 이 둘이 늘 맨 앞에 있습니다',
  'publish {name}: host udp port {port} → {dest} (docker run -p {typed})':
    '게시 {name}: 호스트 udp 포트 {port} → {dest} (docker run -p {typed})',
  'publish {name}: host port {port} → {dest} (docker run -p {typed})':
    '게시 {name}: 호스트 포트 {port} → {dest} (docker run -p {typed})',
  'DNAT in {chain} rewrites the destination of packets for the host’s port (PREROUTING jumps there for packets from elsewhere, OUTPUT for the host’s own); FORWARD’s {chain} lets the new connection into {b}; the MASQUERADE catches a container reaching its own published port':
    '{chain}의 DNAT가 호스트 포트로 오는 패킷의 목적지를 바꿉니다(다른 곳에서 온 패킷은 PREROUTING이, 호스트 자신의 패킷은 OUTPUT이 그리로 점프합니다). FORWARD의 {chain}이 {b}(으)로 들어가는 새 연결을 허용하고, MASQUERADE는 자기 게시된 포트를 부르는 컨테이너를 잡아냅니다',
  '; what comes from {b} itself, and 127.0.0.1, is left to docker-proxy':
    '. {b} 자신에서 온 것과 127.0.0.1은 docker-proxy가 맡습니다',
  '; what comes from {b} itself is left to docker-proxy': '. {b} 자신에서 온 것은 docker-proxy가 맡습니다',
  '; 127.0.0.1 is DNATed in OUTPUT, routed out with route_localnet=1 and masqueraded':
    '. 127.0.0.1은 OUTPUT에서 DNAT되고, route_localnet=1로 밖으로 라우팅되어 마스커레이드됩니다',
  '; a container of {b} calling the host’s port is DNATed too (hairpin)':
    '. {b}의 컨테이너가 호스트 포트를 불러도 DNAT됩니다(헤어핀)',
  '{dockerd} appends {rules}': '{dockerd}는 다음 규칙을 덧붙입니다: {rules}',
  ', and starts a docker-proxy listening on the host’s port':
    '. 그리고 호스트 포트에서 기다리는 docker-proxy를 띄웁니다',
  ' (no docker-proxy)': ' (docker-proxy 없음)',
};
