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
  'a Docker host needs a NIC and a default route, like a VM on its LAN. Its ends are numbered {near} and {far} (index): in two new namespaces both would be number 2, and the kernel brings up a veth whose ends share a number up to 1 s late':
    'Docker 호스트에는 LAN에 붙은 VM처럼 NIC와 기본 경로가 필요합니다. 양 끝에 번호를 직접 줍니다(index {near}, {far}). 새 네임스페이스 두 개에서는 양쪽 모두 2번이 되는데, 양 끝 번호가 같은 veth는 커널이 최대 1초 늦게 올립니다',
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
    '사용자 정의 네트워크에서 Docker는 /etc/hosts에 컨테이너 자신만 적고, resolv.conf에 nameserver {resolver}, options ndots:0을 적습니다. 다른 컨테이너의 이름은 임베디드 DNS 서버가 알려 줍니다',
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
    'Docker의 오버레이 드라이버는 네트워크의 VNI로 vxlan0을 만들고, 클러스터의 gossip으로 fdb를 채웁니다',
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
    '이 설정이 없으면 호스트는 컨테이너에 답은 해도 컨테이너를 위해 라우팅은 하지 않습니다. 밖으로 나갈 길도, 공개 포트도 없습니다',
  '; with the policy DROP only what the rules below accept is forwarded':
    '. 정책이 DROP이므로 아래 규칙이 허용한 것만 포워딩됩니다',
  'dockerd sets net.ipv4.ip_forward=1 when it starts (and leaves it so); when it was 0, it also sets the FORWARD policy to DROP':
    'dockerd는 시작할 때 net.ipv4.ip_forward=1로 설정하고 그대로 둡니다. 원래 0이었다면 FORWARD 정책도 DROP으로 바꿉니다',
  ' (nslab leaves the machine’s policy alone)': ' (nslab은 이 머신의 정책을 건드리지 않습니다)',
  'docker-proxy for {name}: listens on {proto} {listen} in the host, forwards to {target}':
    '{name}의 docker-proxy: 호스트의 {proto} {listen}에서 받아 {target}에 전달',
  'the DNAT misses the host’s own 127.0.0.1 (Docker’s OUTPUT jump skips 127.0.0.0/8): the proxy takes those on the host’s port and connects to the container itself, so the container sees the gateway {gateway} as its client':
    'DNAT는 호스트 자신의 127.0.0.1을 놓칩니다(Docker의 OUTPUT 점프는 127.0.0.0/8을 건너뜁니다). 프록시가 호스트 포트에서 이런 연결을 받아 직접 컨테이너에 연결하므로, 컨테이너에는 게이트웨이({gateway})가 클라이언트로 보입니다',
  'the DNAT misses the host’s own 127.0.0.1 (Docker’s OUTPUT jump skips 127.0.0.0/8) and a container of {network} calling the published port (Docker’s -i {network} -j RETURN): the proxy takes those on the host’s port and connects to the container itself, so the container sees the gateway {gateway} as its client':
    'DNAT는 호스트 자신의 127.0.0.1(Docker의 OUTPUT 점프는 127.0.0.0/8을 건너뜁니다)과, 공개 포트를 부르는 {network}의 컨테이너(Docker의 -i {network} -j RETURN)를 놓칩니다. 프록시가 호스트 포트에서 이런 연결을 받아 직접 컨테이너에 연결하므로, 컨테이너에는 게이트웨이({gateway})가 클라이언트로 보입니다',
  '; udp: one flow per client, forgotten after 90 s without an answer':
    '. udp: 클라이언트마다 흐름을 하나 두고, 90초 동안 응답이 없으면 잊습니다',
  'dockerd runs /usr/bin/docker-proxy {flags}, one process per published port with userland-proxy on, the default; the plan shows that command with nslab’s docker-proxy.js in the place of Docker’s binary':
    'userland-proxy가 켜져 있으면(기본값) dockerd는 공개 포트마다 프로세스를 하나씩 띄워 실행합니다: /usr/bin/docker-proxy {flags}. 계획에는 Docker의 바이너리 대신 nslab의 docker-proxy.js로 같은 명령이 나옵니다',
  'dockerd runs /usr/bin/docker-proxy {flags}, one process per published port (and one more on -host-ip :: for IPv6) with userland-proxy on, the default; the plan shows that command with nslab’s docker-proxy.js in the place of Docker’s binary':
    'userland-proxy가 켜져 있으면(기본값) dockerd는 공개 포트마다 프로세스를 하나씩(IPv6용으로 -host-ip ::에 하나 더) 띄워 실행합니다: /usr/bin/docker-proxy {flags}. 계획에는 Docker의 바이너리 대신 nslab의 docker-proxy.js로 같은 명령이 나옵니다',
  'service {name}: virtual IP {vip} → {backends}': '서비스 {name}: 가상 IP {vip} → {backends}',
  'no interface has the VIP: DNAT picks a backend per connection, at random (iptables statistic), and the answer is un-NATed on the way back':
    'VIP를 가진 인터페이스는 없습니다. DNAT가 연결마다 백엔드를 무작위로 고르고(iptables statistic), 응답은 돌아가는 길에 NAT가 풀립니다',
  'Docker’s swarm services and Kubernetes’ kube-proxy (iptables mode) build the same KUBE-SVC/KUBE-SEP chains of DNAT rules':
    'Docker의 swarm 서비스와 Kubernetes의 kube-proxy(iptables 모드)도 DNAT 규칙으로 된 같은 KUBE-SVC/KUBE-SEP 체인을 만듭니다',
  '{owner}: start a {kind} server on port {port}': '{owner}: 포트 {port}에서 {kind} 서버 시작',
  'it answers "{owner}" and the client’s address, so a check can tell who answered and who asked':
    '"{owner}"라는 이름과 클라이언트 주소로 답하므로, 점검에서 누가 답했고 누가 물었는지 알 수 있습니다',
  'it answers each datagram with "{owner}" and the client’s address':
    '데이터그램마다 "{owner}"라는 이름과 클라이언트 주소로 답합니다',
  'it accepts connections, so a check can tell the port is reachable':
    '연결을 받아 주므로, 점검에서 그 포트에 닿는지 알 수 있습니다',
  'the process of the container: it listens inside the namespace it was started in':
    '컨테이너의 프로세스입니다. 시작된 네임스페이스 안에서 리슨합니다',
  'container {name}: DNS server at {resolver}:53 → {resolver}:{udp}/udp, :{tcp}/tcp, and its nat rules':
    '컨테이너 {name}: DNS 서버 {resolver}:53 → {resolver}:{udp}/udp, :{tcp}/tcp, 그리고 nat 규칙',
  'resolv.conf sends lookups to {resolver}:53; DOCKER_OUTPUT DNATs them to the resolver’s ports (Docker’s are random; nslab derives {udp} and {tcp} from the name {name}, so the plan is the same every time), which answers the names of the containers on its networks':
    'resolv.conf는 조회를 {resolver}:53으로 보내고, DOCKER_OUTPUT이 이를 리졸버의 포트로 DNAT합니다(Docker는 포트를 무작위로 고르지만, nslab은 포트({udp}, {tcp})를 이름 {name}에서 정하므로 계획이 늘 같습니다). 리졸버는 자기 네트워크에 있는 컨테이너의 이름에 답합니다',
  'dockerd listens on 127.0.0.11 inside the container’s namespace at two random ports, then runs iptables there: chains DOCKER_OUTPUT and DOCKER_POSTROUTING, DNAT of port 53 (it inserts udp then tcp with -I, so tcp comes first), SNAT back to :53 (conntrack already undoes the DNAT for the answers)':
    'dockerd는 컨테이너의 네임스페이스 안에서 127.0.0.11의 무작위 포트 두 개에서 리슨하고, 그 안에서 iptables를 실행합니다: DOCKER_OUTPUT과 DOCKER_POSTROUTING 체인, 포트 53의 DNAT(udp, tcp 순으로 -I로 넣으므로 tcp가 앞에 옵니다), :53으로 되돌리는 SNAT(응답의 DNAT는 conntrack이 이미 되돌립니다)',
  'nslab’s copies of Docker’s chains: {docker} (nat and filter), {user}, {stage1}, {stage2}':
    'Docker 체인의 nslab 사본: {docker} (nat와 filter), {user}, {stage1}, {stage2}',
  'Docker’s chains: {docker} (nat and filter), {user}, {stage1}, {stage2}':
    'Docker의 체인: {docker} (nat와 filter), {user}, {stage1}, {stage2}',
  'the bridges’ and the published ports’ rules go into chains of their own, jumped to from the built-in ones':
    '브리지와 공개 포트의 규칙은 전용 체인에 들어가고, 기본 체인에서 그 체인으로 점프합니다',
  '; on this machine they are nslab’s (DOCKER → NSLAB), so Docker’s own are never touched, and they are shared by the labs that are up (the last one down removes them)':
    '. 이 머신에서는 nslab의 체인(DOCKER → NSLAB)을 쓰므로 Docker의 체인은 건드리지 않습니다. 떠 있는 랩들이 함께 쓰고, 마지막 랩이 내려갈 때 지웁니다',
  '{dockerd} creates them when it starts (iptables -N, each ISOLATION chain and DOCKER-USER ending in -j RETURN), and jumps to nat DOCKER for packets to any of the host’s own addresses: from PREROUTING, and from OUTPUT except for 127.0.0.0/8 (its docker-proxy answers the loopback)':
    '{dockerd}는 시작할 때 이 체인들을 만들고(iptables -N, 격리 체인(ISOLATION)과 DOCKER-USER는 -j RETURN으로 끝남), 호스트 자신의 주소로 가는 패킷을 nat DOCKER로 점프시킵니다: PREROUTING에서, 그리고 OUTPUT에서는 127.0.0.0/8만 빼고(루프백은 docker-proxy가 답합니다)',
  '{dockerd} creates them when it starts (iptables -N, each ISOLATION chain and DOCKER-USER ending in -j RETURN), and jumps to nat DOCKER for packets to any of the host’s own addresses: from PREROUTING, and from OUTPUT loopback included (no docker-proxy: the kernel NATs 127.0.0.1 too)':
    '{dockerd}는 시작할 때 이 체인들을 만들고(iptables -N, 격리 체인(ISOLATION)과 DOCKER-USER는 -j RETURN으로 끝남), 호스트 자신의 주소로 가는 패킷을 nat DOCKER로 점프시킵니다: PREROUTING에서, 그리고 OUTPUT에서는 루프백까지(docker-proxy가 없으니 커널이 127.0.0.1도 NAT합니다)',
  'network {bridge}: outbound NAT (MASQUERADE {subnet} ! -o {bridge})':
    '네트워크 {bridge}: 나가는 NAT (MASQUERADE {subnet} ! -o {bridge})',
  'network {bridge}: the host’s own loopback requests may leave by it':
    '네트워크 {bridge}: 호스트 자신의 루프백 요청도 이 브리지로 나갈 수 있게',
  'the outside has no route back to a private subnet: the host rewrites the source to its own address on the way out':
    '바깥 네트워크에는 사설 서브넷으로 돌아오는 경로가 없습니다. 그래서 호스트가 나가는 패킷의 출발지 주소를 자기 주소로 바꿉니다',
  'what comes in from {bridge} itself is not DNATed (-i {bridge} -j RETURN): a container calling a published port is answered by docker-proxy':
    '{bridge} 자신에서 들어온 것은 DNAT하지 않습니다(-i {bridge} -j RETURN). 공개 포트를 부르는 컨테이너에는 docker-proxy가 답합니다',
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
    '{b} → {b}(브리지를 지나는 프레임도 FORWARD를 거칩니다: br_netfilter), {b} → 어디로든, {b}(으)로 돌아오는 응답을 허용합니다. {b}(으)로 들어오는 새 연결은 {chain} 체인(공개 포트)을 거칠 때만 허용합니다',
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
    '포트 공개 {name}: 호스트 udp 포트 {port} → {dest} (docker run -p {typed})',
  'publish {name}: host port {port} → {dest} (docker run -p {typed})':
    '포트 공개 {name}: 호스트 포트 {port} → {dest} (docker run -p {typed})',
  'DNAT in {chain} rewrites the destination of packets for the host’s port (PREROUTING jumps there for packets from elsewhere, OUTPUT for the host’s own); FORWARD’s {chain} lets the new connection into {b}; the MASQUERADE catches a container reaching its own published port':
    '{chain}의 DNAT가 호스트 포트로 오는 패킷의 목적지를 바꿉니다(다른 곳에서 온 패킷은 PREROUTING이, 호스트 자신의 패킷은 OUTPUT이 그리로 점프합니다). FORWARD의 {chain} 체인이 {b}(으)로 들어가는 새 연결을 허용하고, MASQUERADE는 자기 공개 포트를 부르는 컨테이너를 잡아냅니다',
  '; what comes from {b} itself, and 127.0.0.1, is left to docker-proxy':
    '. {b} 자신에서 온 것과 127.0.0.1은 docker-proxy가 맡습니다',
  '; what comes from {b} itself is left to docker-proxy': '. {b} 자신에서 온 것은 docker-proxy가 맡습니다',
  '; 127.0.0.1 is DNATed in OUTPUT, routed out with route_localnet=1 and masqueraded':
    '. 127.0.0.1은 OUTPUT에서 DNAT되고, route_localnet=1로 밖으로 라우팅되어 마스커레이드됩니다',
  '; a container of {b} calling the host’s port is DNATed too (hairpin)':
    '. {b}의 컨테이너가 호스트 포트를 불러도 DNAT됩니다(헤어핀)',
  '{dockerd} appends {rules}': '{dockerd}는 다음 규칙을 덧붙입니다: {rules}',
  ', and starts a docker-proxy listening on the host’s port':
    '. 그리고 호스트 포트에서 리슨하는 docker-proxy를 띄웁니다',
  ' (no docker-proxy)': ' (docker-proxy 없음)',
  // plan: the script's own lines, and up's
  'target: {place} — generated by {command}': '대상: {place} — 만든 명령: {command}',
  'Run it as root (sudo bash this-file.sh). Everything it creates is marked':
    'root로 실행하세요(sudo bash this-file.sh). 이 스크립트가 만드는 것에는 모두 표시가 붙습니다:',
  '"{mark}" (interface alias, iptables comment), so `nslab down {lab}` removes it.':
    '"{mark}"(인터페이스 alias, iptables comment). 그래서 `nslab down {lab}`이 지울 수 있습니다.',
  '"{mark}" (interface alias; its iptables rules go with the namespace), so `nslab down {lab}` removes it.':
    '"{mark}"(인터페이스 alias; iptables 규칙은 네임스페이스와 함께 사라집니다). 그래서 `nslab down {lab}`이 지울 수 있습니다.',
  'step {number}/{count}: {title}': '{number}/{count}단계: {title}',
  'checks (what `nslab verify` runs; a "fail" check must NOT succeed)':
    '점검 (`nslab verify`가 실행하는 것; "fail" 점검은 성공하면 안 됩니다)',
  'teardown (what `nslab down` runs), newest first:': '정리 (`nslab down`이 실행하는 것), 최근 것부터:',
  'in namespaces of its own (sandbox {sandbox}: {namespaces}); the machine’s own network is never touched':
    '랩 전용 네임스페이스 안에서(샌드박스 {sandbox}: {namespaces}). 머신의 네트워크는 전혀 건드리지 않습니다',
  'in this machine’s own network namespace (it changes ip_forward and iptables, and puts them back on down)':
    '이 머신 자체의 네트워크 네임스페이스에서(ip_forward와 iptables를 바꾸고, down에서 되돌립니다)',
  'decided here and now: only a machine where Docker set FORWARD to DROP needs it':
    '지금 이 자리에서 정합니다: Docker가 FORWARD를 DROP으로 바꾼 머신에만 필요합니다',
  'Docker’s trap: FORWARD’s policy is DROP and br_netfilter sends bridged frames through it':
    'Docker의 함정: FORWARD 정책이 DROP이고, br_netfilter가 브리지를 지나는 프레임도 이 체인으로 보냅니다',
  'ip_forward on, the value before kept for down (Docker leaves it on; a handout puts it back)':
    'ip_forward 켜기. 원래 값은 down을 위해 보관합니다(Docker는 켠 채로 두지만, 배포용 스크립트는 되돌립니다)',
  'The hairpin without docker-proxy needs bridged frames to pass conntrack (br_netfilter),\nas dockerd makes sure: loaded when missing, switched on in each Docker host':
    'docker-proxy 없는 헤어핀은 브리지를 지나는 프레임이 conntrack을 거쳐야 합니다(br_netfilter).\ndockerd처럼 확인합니다: 없으면 올리고, Docker 호스트마다 켭니다',
  'A portable handout, made by {command}: it needs nothing of nslab.':
    '배포용 스크립트입니다(만든 명령: {command}). nslab이 없어도 됩니다.',
  'build it (up)': '만들기 (up)',
  'run the lab’s checks: PASS/FAIL, exit 1 when one fails':
    '랩의 점검 실행: PASS/FAIL, 하나라도 실패하면 종료 코드 1',
  'remove everything it built': '만든 것을 모두 지우기',
  'Where: {where}.': '어디서: {where}.',
  'What it needs: {tools}': '필요한 것: {tools}',
  '; for the servers busybox, python3 or nc, whichever is there (python3 alone does udp, docker-proxy and the DNS server)':
    '. 서버용으로 busybox, python3, nc 중 있는 것(udp, docker-proxy, DNS 서버는 python3만 됩니다)',
  'Its objects carry nslab\'s mark "{mark}", so {command} checks them too.':
    '만든 객체에는 nslab의 표시 "{mark}"가 붙어 있어서, {command}로도 점검할 수 있습니다.',
  'The lab’s checks; a "fail" check must NOT get through.': '랩의 점검. "fail" 점검은 통과되면 안 됩니다.',
  'note: FORWARD policy is DROP and br_netfilter is on (Docker does this): nslab adds an ACCEPT rule per bridge, marked and removed on down':
    '참고: FORWARD 정책이 DROP이고 br_netfilter가 켜져 있습니다(Docker가 이렇게 합니다). nslab은 브리지마다 ACCEPT 규칙을 넣고, 표시를 붙여 down에서 지웁니다',
  'nslab’s ownership marks (`alias nslab:…` on its interfaces, `-m comment --comment nslab:…` on its rules) are left out below; they run all the same (--marks shows them)':
    '아래에서는 nslab의 소유 표시(인터페이스의 `alias nslab:…`, 규칙의 `-m comment --comment nslab:…`)를 생략합니다. 실행은 똑같이 됩니다(--marks로 볼 수 있습니다)',
  'Enter: run the checks': 'Enter: 점검 실행',
  'Enter: step {number} of {count}': 'Enter: {count}단계 중 {number}단계로',
  ', q: stop and remove everything': ', q: 멈추고 모두 지우기',
  'built in {ms} ms: {steps} steps, {commands} commands':
    '{ms} ms 만에 만들었습니다: {steps}단계, 명령 {commands}개',
  'The lab is up.': '랩이 올라왔습니다.',
  'Some checks failed: the table says which. ': '실패한 점검이 있습니다: 표를 보세요. ',
  'Try this next:': '다음으로 해 볼 것:',
  "what --link put in {name}'s environment": '--link가 {name}의 환경 변수에 넣은 것',
  'what {name} sees': '{name}에서 보이는 것',
  'the ports of {bridge}': '{bridge}의 포트',
  "{name}'s packets, while a ping runs in another terminal":
    '다른 터미널에서 ping을 돌리는 동안 {name}의 패킷',
  'run the checks again': '점검을 다시 실행',
  'the picture above, as the kernel has it now': '위의 그림을, 지금 커널에 있는 그대로',
  'remove it all': '모두 지우기',
  // cli: checks, list, exercise, check, hint, workshop, doctor
  INTERRUPTED: '중단됨',
  PASS: '통과',
  FAIL: '실패',
  works: '됨',
  fails: '안 됨',
  'no verdict: {signal}': '판정 없음: {signal}',
  'works ({via})': '됨 ({via})',
  'fails ({via})': '안 됨 ({via})',
  'fails: {detail}': '안 됨: {detail}',
  '{group} ({count} checks)': '{group} (점검 {count}개)',
  '{good} of {count} as expected': '{count}개 중 {good}개가 예상대로',
  '{ms} ms median': '중앙값 {ms} ms',
  result: '결과',
  check: '점검',
  expected: '예상',
  got: '실제',
  time: '시간',
  '{count} checks failed; the first 20:': '점검 {count}개가 실패했습니다. 처음 20개:',
  '{name}: the probe did not finish ({signal}): no verdict':
    '{name}: 프로브가 끝나지 않았습니다({signal}). 판정 없음',
  '{name}: expected it to work, but it worked': '{name}: 되어야 하는데, 결과는 됨',
  '{name}: expected it to work, but it failed ({detail})': '{name}: 되어야 하는데, 결과는 안 됨({detail})',
  '{name}: expected it to fail, but it worked': '{name}: 안 되어야 하는데, 결과는 됨',
  '{name}: expected it to fail, but it worked ({detail})': '{name}: 안 되어야 하는데, 결과는 됨 ({detail})',
  '{name}: expected it to fail, but it failed ({detail})': '{name}: 안 되어야 하는데, 결과는 안 됨({detail})',
  'this check proves: {why}': '이 점검이 증명하는 것: {why}',
  'try it yourself: {command}': '직접 해 보기: {command}',
  '{passed} of {count} checks as expected': '점검 {count}개 중 {passed}개가 예상대로입니다',
  'see where it dies': '어디서 죽는지 보기',
  'see the way it got through': '어떻게 통과했는지 보기',
  'stopping the checks; the lab stays as it is': '점검을 멈춥니다. 랩은 그대로 둡니다',
  lab: '랩',
  'what it builds': '무엇을 만드나',
  exercises: '연습 문제',
  'build one: sudo nslab up {lab}   (see its steps first: nslab plan {lab}, or one at a time: --step)':
    '하나 만들기: sudo nslab up {lab}   (먼저 단계 보기: nslab plan {lab}, 한 단계씩: --step)',
  'repair one: sudo nslab exercise {lab}   (then check, hint)':
    '하나 복구해 보기: sudo nslab exercise {lab}   (그다음 check, hint)',
  'the commands of your notes (docker, brctl, iptables) and nslab’s for each: docs/cheatsheet.ko.md':
    '노트에 나온 명령(docker, brctl, iptables)과 각각에 맞는 nslab 명령: docs/cheatsheet.ko.md',
  '{lab} has no exercises; labs with exercises: see nslab list':
    '{lab}에는 연습 문제가 없습니다. 연습 문제가 있는 랩은 nslab list에서 보세요',
  '{lab} has {count} exercises: {list}': '{lab}의 연습 문제는 {count}개입니다: {list}',
  '{lab} has {count} exercise: {list}': '{lab}의 연습 문제는 {count}개입니다: {list}',
  'nslab exercise {lab} {number} of {count}: {title}':
    'nslab exercise {lab}, 연습 문제 {number}/{count}: {title}',
  '{lab} is up in {place}, with something wrong.':
    '{lab} 랩이 {place}에 올라왔습니다. 어딘가 잘못되어 있습니다.',
  'Right now {failing} of {count} checks fail:': '지금 점검 {count}개 중 {failing}개가 실패합니다:',
  'Repair it with ordinary commands (ip, bridge, iptables, sysctl; as root). Then:':
    '평소 쓰는 명령(ip, bridge, iptables, sysctl; root로)으로 복구하세요. 그다음:',
  'solved, or what still fails': '풀렸는지, 아니면 아직 무엇이 실패하는지',
  'one hint at a time ({count} in all)': '힌트를 하나씩 (모두 {count}개)',
  'give up, or clean up once solved': '포기하거나, 푼 뒤 정리하기',
  'How it was repaired ({count} things Docker does otherwise):':
    '복구한 방법 (Docker와 다르게 한 것 {count}개):',
  'How it was repaired ({count} thing Docker does otherwise):':
    '복구한 방법 (Docker와 다르게 한 것 {count}개):',
  ' All {count} checks of {lab} come out as the lab expects.':
    ' {lab}의 점검 {count}개가 모두 랩이 예상한 대로 나옵니다.',
  'Solved: {title}.': '풀었습니다: {title}.',
  'Solved.': '풀었습니다.',
  'Clean up with: {command}': '정리: {command}',
  'Recorded as solved on this machine ({file}).': '이 머신에 푼 것으로 기록했습니다({file}).',
  'Next: exercise {number} of {lab}, "{title}":': '다음: {lab}의 연습 문제 {number}, "{title}":',
  "That was the workshop's last exercise. Clean up with: {command}":
    '워크숍의 마지막 연습 문제였습니다. 정리: {command}',
  'what is solved, what is left': '무엇을 풀었고 무엇이 남았는지',
  'Not solved: every check passes, but the repair is not the one Docker makes (see above); undo that part.':
    '아직 아닙니다: 모든 점검이 통과하지만, Docker가 하는 방식으로 복구하지 않았습니다(위 참고). 그 부분을 되돌리세요.',
  'Not solved yet: {failing} of {count} checks still fail ({names}).':
    '아직 아닙니다: 점검 {count}개 중 {failing}개가 여전히 실패합니다({names}).',
  'Stuck? {command}': '막혔나요? {command}',
  '{lab}, exercise {number}: {title}': '{lab}, 연습 문제 {number}: {title}',
  'hint {number} of {count}: {hint}': '힌트 {number}/{count}: {hint}',
  'That was the last hint. What nslab sees in the kernel, lowest layer first:':
    '마지막 힌트였습니다. nslab이 커널에서 본 것을 아래 계층부터 보여 줍니다:',
  ' (in {ns})': ' ({ns} 안)',
  'nothing differs from the lab, and every check comes out as expected: it looks solved.':
    '랩과 다른 것이 없고, 모든 점검이 예상대로 나옵니다. 풀린 것 같습니다.',
  'every link, address, route and rule nslab compares is as the lab has it, yet "{check}" is expected to work and {got}.':
    'nslab이 비교하는 링크, 주소, 경로, 규칙은 모두 랩과 같은데, "{check}"는 되어야 하는데 결과는 {got}입니다.',
  'every link, address, route and rule nslab compares is as the lab has it, yet "{check}" is expected to fail and {got}.':
    'nslab이 비교하는 링크, 주소, 경로, 규칙은 모두 랩과 같은데, "{check}"는 안 되어야 하는데 결과는 {got}입니다.',
  'Run its probe by hand and follow the packet from there:':
    '프로브를 직접 실행해 보고, 거기서부터 패킷을 따라가세요:',
  'Where "{check}" dies, traced once:': '"{check}"가 죽는 곳, 한 번 추적:',
  'How "{check}" gets through, traced once:': '"{check}"가 통과하는 길, 한 번 추적:',
  '"{check}", traced once:': '"{check}", 한 번 추적:',
  'the trace could not run: {why}': '추적을 실행하지 못했습니다: {why}',
  'The whole journey, hop by hop: {command}': '홉 단위로 본 전체 경로: {command}',
  'The workshop: {solved} of {total} exercises solved on this machine':
    '워크숍: 이 머신에서 연습 문제 {total}개 중 {solved}개를 풀었습니다',
  '(recorded in {file} by a check that says Solved)': '(check가 "풀었습니다"라고 하면 {file}에 기록됩니다)',
  'Next: {lab} exercise {number}, "{title}":': '다음: {lab}의 연습 문제 {number}, "{title}":',
  'Every exercise is solved. Any can be done again: sudo nslab exercise LAB N':
    '모든 연습 문제를 풀었습니다. 어느 것이든 다시 할 수 있습니다: sudo nslab exercise LAB N',
  'running as root': 'root로 실행 중',
  'not root: up, verify, down and status change or read the kernel’s network setup':
    'root가 아닙니다: up, verify, down, status는 커널의 네트워크 설정을 바꾸거나 읽습니다',
  'run nslab with sudo': 'sudo로 nslab을 실행하세요',
  'tool {tool}': '도구 {tool}',
  found: '있음',
  missing: '없음',
  'found: meshes of pings run fast': '있음: ping 메시가 빨리 돕니다',
  'missing: many pings run one process each (slow for a full mesh)':
    '없음: ping마다 프로세스를 하나씩 띄웁니다(전체 메시에서는 느림)',
  'nslab capture listens on a lab’s links with it': 'nslab capture가 이 도구로 랩의 링크에서 리슨합니다',
  'nslab trace follows a packet with it (nft monitor trace)':
    'nslab trace가 이 도구로 패킷을 따라갑니다(nft monitor trace)',
  'shows the connections NAT translated, in a Docker host’s namespace (conntrack -L); nslab trace reads it':
    'Docker 호스트의 네임스페이스에서 NAT가 변환한 연결을 보여 줍니다(conntrack -L). nslab trace가 읽습니다',
  'found: {use}': '있음: {use}',
  'missing: {use}': '없음: {use}',
  'engine {version} running': '엔진 {version} 실행 중',
  '{why}: only needed to compare with a real Docker engine':
    '{why}: 실제 Docker 엔진과 비교할 때만 필요합니다',
  'kernel {kind}': '커널 {kind}',
  'can create {kind} links': '{kind} 링크를 만들 수 있음',
  'cannot create {kind} links: labs that need them are refused':
    '{kind} 링크를 만들 수 없습니다: 이 링크가 필요한 랩은 거부됩니다',
  'modprobe {kind} (if this kernel has the module)': 'modprobe {kind} (이 커널에 모듈이 있다면)',
  'the nat table works': 'nat 테이블이 동작함',
  'the nat table does not work: {error}': 'nat 테이블이 동작하지 않습니다: {error}',
  'install iptables; load nf_nat / nft_nat': 'iptables를 설치하고 nf_nat / nft_nat를 올리세요',
  'FORWARD policy': 'FORWARD 정책',
  'DROP, and br_netfilter sends bridged frames through it (Docker does this): a hand-built bridge on the host target silently stops forwarding':
    'DROP이고, br_netfilter가 브리지를 지나는 프레임도 이 체인으로 보냅니다(Docker가 이렇게 합니다): host 대상에 손으로 만든 브리지는 소리 없이 포워딩을 멈춥니다',
  'nothing to do for nslab’s labs: up adds an ACCEPT rule per bridge and down removes it; for your own bridges: iptables -I DOCKER-USER -i BR -o BR -j ACCEPT':
    'nslab의 랩에는 할 일이 없습니다: up이 브리지마다 ACCEPT 규칙을 넣고 down이 지웁니다. 직접 만든 브리지에는: iptables -I DOCKER-USER -i BR -o BR -j ACCEPT',
  '{policy}, br_netfilter on: hand-built bridges forward':
    '{policy}, br_netfilter 켜짐: 손으로 만든 브리지도 포워딩됨',
  '{policy}, br_netfilter off: hand-built bridges forward':
    '{policy}, br_netfilter 꺼짐: 손으로 만든 브리지도 포워딩됨',
  'net.ipv4.ip_forward={value} (labs with NAT or published ports set it to 1 and put it back on down)':
    'net.ipv4.ip_forward={value} (NAT나 공개 포트가 있는 랩은 1로 바꾸고 down에서 되돌립니다)',
  'subnet {subnet}': '서브넷 {subnet}',
  'lab {lab} (network {network}) overlaps the route {dst} dev {dev} here':
    '랩 {lab}(네트워크 {network}): 이 머신에 이미 있는 경로({dst} dev {dev})와 겹칩니다',
  'run {lab} with --sandbox, or free the range': '{lab} 랩을 --sandbox로 실행하거나, 그 대역을 비우세요',
  'fix: {fix}': '해결: {fix}',
  'nslab cannot build labs here until the FAIL lines are fixed.':
    'FAIL 줄을 고치기 전까지 nslab은 여기서 랩을 만들 수 없습니다.',
  'This machine can build nslab’s labs (warn lines only limit some of them).':
    '이 머신에서 nslab의 랩을 만들 수 있습니다(warn 줄은 일부 랩만 제한합니다).',
  // cli: up --step
  '{name}@if{index}: {name} is a {kind} device made on another interface, its parent, and @if{index} names that parent by its ifindex (interface number) in the namespace it is in, not this one.':
    '{name}@if{index}: {name}은(는) 다른 인터페이스(부모) 위에 만든 {kind} 장치이고, @if{index}는 그 부모를 이 네임스페이스가 아니라 부모가 있는 네임스페이스의 ifindex(인터페이스 번호)로 가리킵니다.',
  '{link} in {ns}': '{ns}의 {link}',
  'the machine’s own namespace': '이 머신 자체의 네임스페이스',
  '{name}@if{index}: {name} is one end of a veth pair, and @if{index} names the other end by its ifindex (interface number) in the other namespace, here {found}. Interfaces are numbered per namespace: look it up there, not here. Inside a Docker container eth0 shows the same way.':
    '{name}@if{index}: {name}은(는) veth 페어의 한쪽 끝이고, @if{index}는 다른 쪽 끝을 상대 네임스페이스의 ifindex(인터페이스 번호)로 가리킵니다. 여기서는 {found}입니다. 인터페이스 번호는 네임스페이스마다 따로 매겨지므로, 여기가 아니라 그쪽에서 찾아보세요. Docker 컨테이너 안의 eth0도 똑같이 보입니다.',
  '{name}@if{index}: {name} is one end of a veth pair, and @if{index} names the other end by its ifindex (interface number) in the other namespace. Interfaces are numbered per namespace: look it up there, not here. Inside a Docker container eth0 shows the same way.':
    '{name}@if{index}: {name}은(는) veth 페어의 한쪽 끝이고, @if{index}는 다른 쪽 끝을 상대 네임스페이스의 ifindex(인터페이스 번호)로 가리킵니다. 인터페이스 번호는 네임스페이스마다 따로 매겨지므로, 여기가 아니라 그쪽에서 찾아보세요. Docker 컨테이너 안의 eth0도 똑같이 보입니다.',
  'now: {command}': '지금: {command}',
  'now: {command}    (as after step {number})': '지금: {command}    ({number}단계 뒤와 같음)',
  'now: {command}    (changed since step {number})': '지금: {command}    ({number}단계 뒤로 바뀐 것)',
  '{check}: {ns} was never made': '{check}: {ns}은(는) 만들어지지 않았습니다',
  '{check}: not yet ({detail})': '{check}: 아직 안 됨 ({detail})',
  'no answer': '응답 없음',
  '{check} works since step {number} ({title}): its ping, traced':
    '{check}: {number}단계({title})부터 됩니다. 그 ping을 추적한 결과',
  '{check} still fails after the last step: where its ping dies':
    '{check}: 마지막 단계 뒤에도 안 됩니다. ping이 죽는 곳',
  // cli: help
  'Usage:': '사용법:',
  'Arguments:': '인자:',
  'Options:': '옵션:',
  'Commands:': '명령:',
  'Rebuild Docker networks by hand with namespaces, veths, bridges and iptables, and prove them with checks.':
    '네임스페이스, veth, 브리지, iptables로 Docker 네트워크를 손으로 다시 만들고, 점검으로 증명합니다.',
  'en or ko: the language of what nslab explains (default: NSLAB_LANG, then LANG)':
    'en 또는 ko: nslab이 설명하는 말의 언어 (기본값: NSLAB_LANG, 그다음 LANG)',
  '(run with --help for usage)': '(사용법은 --help로 보세요)',
  'display help for command': '명령의 도움말 보기',
  "\nLabs are named by their file in labs/ (bridge-basic) or by a path to a YAML file.\nTargets: by default a lab is built in this machine's own network namespace (use a VM);\n--sandbox builds it inside namespaces of its own and leaves the machine's network untouched.\n\nExit codes: 0 ok, 1 a check failed, 2 bad input (lab file, arguments),\n3 the environment (not root, a missing tool, a clash, a command that failed),\n130/143 interrupted by Ctrl-C/SIGTERM (everything built so far is removed first).\n\nExamples:\n  sudo nslab up bridge-basic            build it, check it, leave it up\n  nslab plan bridge-basic > lab.sh      the same as a bash script to read or run\n  nslab plan bridge-nat --portable > lab.sh   a handout for any machine (up, down, check)\n  sudo nslab up bridge-basic --step     one step at a time, Enter to go on\n  sudo nslab exec link web -- sh        a shell in a container, as docker exec gives one\n  sudo nslab capture bridge-basic c1    tcpdump on c1's eth0 (without c1: every link)\n  sudo nslab exercise bridge-basic      built with a fault to repair; then check, hint\n  nslab graph bridge-basic              the picture (--format mermaid|dot|svg, --live)\n  sudo nslab compare bridge-basic       beside Docker's docker0, property by property\n  sudo nslab down bridge-basic\n\nWithout the nslab command (sudo bash scripts/setup.sh installs it), in the checkout:\n  npm run nslab -- VERB …                  (sudo npm run lab LAB is sudo nslab up LAB)":
    '\n랩은 labs/ 안의 파일 이름(bridge-basic)이나 YAML 파일 경로로 지정합니다.\n대상: 기본으로 랩은 이 머신 자체의 네트워크 네임스페이스에 만들어집니다(VM에서 쓰세요).\n--sandbox를 주면 랩 전용 네임스페이스 안에 만들고, 머신의 네트워크는 건드리지 않습니다.\n\n종료 코드: 0 정상, 1 점검 실패, 2 잘못된 입력(랩 파일, 인자),\n3 환경 문제(root 아님, 도구 없음, 충돌, 실패한 명령),\n130/143 Ctrl-C/SIGTERM으로 중단(그때까지 만든 것은 먼저 모두 지웁니다).\n\n예:\n  sudo nslab up bridge-basic            만들고, 점검하고, 그대로 둡니다\n  nslab plan bridge-basic > lab.sh      같은 내용을 읽거나 실행할 bash 스크립트로\n  nslab plan bridge-nat --portable > lab.sh   어느 머신에서나 쓰는 배포용 스크립트 (up, down, check)\n  sudo nslab up bridge-basic --step     한 단계씩, Enter로 진행\n  sudo nslab exec link web -- sh        docker exec처럼 컨테이너 안의 셸\n  sudo nslab capture bridge-basic c1    c1의 eth0에서 tcpdump (c1 없이: 모든 링크)\n  sudo nslab exercise bridge-basic      복구할 고장을 심어서 만듭니다. 그다음 check, hint\n  nslab graph bridge-basic              그림 (--format mermaid|dot|svg, --live)\n  sudo nslab compare bridge-basic       Docker의 docker0와 속성별로 나란히\n  sudo nslab down bridge-basic\n\nnslab 명령 없이(sudo bash scripts/setup.sh가 설치합니다) 체크아웃 안에서:\n  npm run nslab -- VERB …                  (sudo npm run lab LAB은 sudo nslab up LAB)',
  'in namespaces of its own (named after the lab), not in this machine’s namespace':
    '이 머신의 네임스페이스가 아니라, 랩 전용 네임스페이스(이름은 랩 이름을 따름) 안에서',
  'in the sandbox NAME (implies --sandbox): several copies can be up at once':
    '샌드박스 NAME 안에서 (--sandbox 포함): 같은 랩을 여러 개 동시에 올릴 수 있습니다',
  'print one JSON document for scripts': '스크립트용으로 JSON 문서 하나를 출력',
  'the labs in labs/, one line each': 'labs/ 안의 랩, 한 줄에 하나씩',
  'lab name or YAML file': '랩 이름 또는 YAML 파일',
  'check a lab file; print every problem as file:line:col':
    '랩 파일을 검사하고, 문제마다 file:line:col로 출력',
  'print the bash script that builds exactly what `up` builds (no root needed)':
    '`up`이 만드는 것과 똑같은 것을 만드는 bash 스크립트를 출력 (root 필요 없음)',
  'a handout for any machine: up/down/check, needs nothing of nslab (a sandbox unless --host)':
    '어느 머신에서나 쓰는 배포용 스크립트: up/down/check, nslab이 없어도 됩니다 (--host가 아니면 샌드박스)',
  'with --portable: built in the machine’s own namespace':
    '--portable과 함께: 머신 자체의 네임스페이스에 만듭니다',
  'build the lab, run its checks, leave it up (root)': '랩을 만들고, 점검을 실행하고, 그대로 둡니다 (root)',
  'do not print each command as it runs': '실행하는 명령을 하나하나 출력하지 않음',
  'build only; run the checks later with verify': '만들기만 합니다. 점검은 나중에 verify로',
  'build one host’s part of a multi-host lab (overlay) on this machine; the other machine runs the same with its host':
    '여러 호스트 랩(overlay)에서 한 호스트의 몫을 이 머신에 만듭니다. 다른 머신은 자기 호스트로 같은 명령을 실행합니다',
  'one step at a time: what, why, what Docker does, the commands, then the state they made; Enter goes on, q stops and removes everything (needs a terminal)':
    '한 단계씩: 무엇을, 왜, Docker는 무엇을 하는지, 명령, 그리고 그 명령이 만든 상태. Enter로 진행, q로 멈추고 모두 지웁니다 (터미널 필요)',
  'with --step: a ping from FROM to TO after each step, traced hop by hop after the step that makes it work (or after the last, where it still fails)':
    '--step과 함께: 단계마다 FROM에서 TO로 ping을 보내고, ping이 되기 시작한 단계 뒤에(끝까지 안 되면 마지막 단계 뒤에) 홉 단위로 추적합니다',
  'show nslab’s ownership marks in the printed commands (`alias nslab:…`, `-m comment --comment nslab:…`); left out otherwise, they run either way':
    '출력하는 명령에 nslab의 소유 표시(`alias nslab:…`, `-m comment --comment nslab:…`)를 보여 줍니다. 평소에는 생략하지만, 실행은 어느 쪽이든 됩니다',
  'run the lab’s checks against what is up (root)': '올라와 있는 랩에 점검을 실행 (root)',
  'the copy on this machine’s own namespace': '이 머신 자체의 네임스페이스에 있는 것',
  'remove everything the lab made; without a target flag, every copy (root)':
    '랩이 만든 것을 모두 지웁니다. 대상 플래그가 없으면 올라와 있는 곳 전부에서 (root)',
  'only the copy on this machine’s own namespace': '이 머신 자체의 네임스페이스에 있는 것만',
  'what to run, after --': '실행할 명령, -- 뒤에',
  'run a command in a container, as docker exec does: its namespace, its /etc/hosts, its --link variables (root)':
    'docker exec처럼 컨테이너 안에서 명령을 실행합니다: 그 네임스페이스, 그 /etc/hosts, 그 --link 변수로 (root)',
  "the lab's N-th check, as verify numbers them": '랩의 N번째 점검 (verify가 매기는 번호)',
  'a container, host or outside: where the probe starts': '컨테이너, host, outside: 프로브가 출발하는 곳',
  'a container, network (its gateway), host, outside or address':
    '컨테이너, 네트워크(그 게이트웨이), host, outside, 또는 주소',
  'tcp or udp port (with --from/--to)': 'tcp나 udp 포트 (--from/--to와 함께)',
  'icmp (default without --port), tcp (default with it) or udp':
    'icmp(--port가 없을 때 기본), tcp(--port가 있을 때 기본), udp',
  'follow one probe through namespaces, bridges and netfilter: each rule that passed, rewrote or dropped it, and the step that made it (root)':
    '프로브 하나가 네임스페이스, 브리지, netfilter를 지나는 길을 따라갑니다: 통과시키거나 바꾸거나 버린 규칙 하나하나와, 그 규칙을 만든 단계 (root)',
  "\nExamples:\n  sudo nslab trace bridge-nat 1                       the lab's first check, hop by hop\n  sudo nslab trace bridge-nat --from c1 --to outside  one ping\n  sudo nslab trace port-publish --from outside --to host --port 8080":
    '\n예:\n  sudo nslab trace bridge-nat 1                       랩의 첫 번째 점검을 홉 단위로\n  sudo nslab trace bridge-nat --from c1 --to outside  ping 하나\n  sudo nslab trace port-publish --from outside --to host --port 8080',
  'a link as graph draws it (br0, ve-c1, eth0, c1:eth0, outside:lan) or a container':
    'graph가 그리는 링크 이름(br0, ve-c1, eth0, c1:eth0, outside:lan) 또는 컨테이너',
  'a tcpdump filter: icmp, tcp port 80, arp …': 'tcpdump 필터: icmp, tcp port 80, arp …',
  'tcpdump on one link of a lab that is up, in the namespace it is in; without a link: the links there are (root)':
    '올라와 있는 랩의 링크 하나에서, 그 링크가 있는 네임스페이스 안에서 tcpdump. 링크를 주지 않으면 있는 링크 목록 (root)',
  'stop after n packets': '패킷 n개 뒤에 멈춤',
  'write the packets to a pcap file (for Wireshark) instead of printing them':
    '패킷을 출력하지 않고 pcap 파일에 씀 (Wireshark용)',
  'print each frame’s MAC addresses too': '프레임마다 MAC 주소도 출력',
  "\nCtrl-C stops a capture (exit 130, as for every verb; -c N ends it with 0). A container's\nname means its eth0; c1:eth0 is the container's end of its cable, ve-c1 the host's end,\nbr0 the bridge itself (it sees every frame it switches).\n\nExamples:\n  sudo nslab capture bridge-basic                  the links, with their namespaces\n  sudo nslab capture bridge-basic c1 icmp          what c1 sends and receives\n  sudo nslab capture bridge-nat eth0 -c 10         the host's uplink: after MASQUERADE\n  sudo nslab capture bridge-basic br0 -w br0.pcap  then: wireshark br0.pcap":
    '\nCtrl-C로 캡처를 멈춥니다(모든 명령처럼 종료 코드 130, -c N으로 끝나면 0). 컨테이너\n이름은 그 eth0을 뜻합니다. c1:eth0은 컨테이너 쪽 케이블 끝, ve-c1은 호스트 쪽 끝,\nbr0은 브리지 자체입니다(브리지가 스위칭하는 모든 프레임이 보입니다).\n\n예:\n  sudo nslab capture bridge-basic                  링크 목록과 각 링크의 네임스페이스\n  sudo nslab capture bridge-basic c1 icmp          c1이 보내고 받는 것\n  sudo nslab capture bridge-nat eth0 -c 10         호스트의 업링크: MASQUERADE 뒤의 모습\n  sudo nslab capture bridge-basic br0 -w br0.pcap  그다음: wireshark br0.pcap',
  'which exercise (default: the first not solved on this machine)':
    '어느 연습 문제인지 (기본값: 이 머신에서 아직 풀지 않은 첫 문제)',
  'build the lab in a sandbox with one fault planted, and print the task (root)':
    '고장 하나를 심은 랩을 샌드박스에 만들고, 과제를 출력 (root)',
  'every lab’s exercises in workshop order, solved or not on this machine, and the next command':
    '모든 랩의 연습 문제를 워크숍 순서로, 이 머신에서 풀었는지와 다음 명령까지',
  'run the lab’s checks: solved, or what still fails (root)':
    '랩의 점검을 실행: 풀렸는지, 아니면 아직 무엇이 실패하는지 (root)',
  'the next hint for the exercise that is up; after the last, what nslab sees wrong (root)':
    '올라와 있는 연습 문제의 다음 힌트. 마지막 힌트 뒤에는 nslab이 보기에 잘못된 것 (root)',
  'draw the lab: namespaces, veth pairs (both ends), bridges, uplink, NAT and port rules':
    '랩을 그립니다: 네임스페이스, veth 페어(양 끝), 브리지, 업링크, NAT와 포트 규칙',
  'ascii (80 columns), mermaid (for markdown), dot, or svg (rendered by Graphviz)':
    'ascii(80칸), mermaid(markdown용), dot, 또는 svg(Graphviz로 렌더링)',
  'draw what the kernel has now, not what the file says, so your own changes show (root)':
    '파일에 적힌 것이 아니라 지금 커널에 있는 것을 그립니다. 직접 바꾼 것도 보입니다 (root)',
  'with --live (implied): draw again each time a link, address or route changes, until Ctrl-C':
    '--live와 함께(자동 포함): 링크, 주소, 경로가 바뀔 때마다 다시 그립니다. Ctrl-C까지',
  'trace one ping from FROM to TO (as trace --from --to) and draw its path: the boxes it passed, by leg, and where it was dropped or lost (root, the lab up)':
    'FROM에서 TO로 ping 하나를 추적하고(trace --from --to처럼) 그 경로를 그립니다: 구간별로 지난 상자와, 버려지거나 사라진 곳 (root, 랩이 올라와 있어야 함)',
  'with --live or --trace: the copy on this machine’s own namespace':
    '--live나 --trace와 함께: 이 머신 자체의 네임스페이스에 있는 것',
  'the hand-built lab beside the same built by a real Docker engine, property by property (root, Docker)':
    '손으로 만든 랩과, 실제 Docker 엔진이 만든 같은 랩을 속성별로 나란히 (root, Docker)',
  'compare the copy up on this machine’s own namespace':
    '이 머신 자체의 네임스페이스에 올라와 있는 것을 비교',
  'leave both sides up afterwards (Docker containers nslab-dk-LAB-NAME)':
    '끝난 뒤에도 양쪽을 그대로 둠 (Docker 컨테이너 nslab-dk-LAB-NAME)',
  'also nslab inspect of each network beside docker network inspect of Docker’s copy':
    '네트워크마다 nslab inspect와 Docker 쪽의 docker network inspect도 나란히',
  'show only these rows (the summary still counts all)': '이 행들만 보여 줌 (요약은 그래도 전부 셈)',
  'verdict: differences, then choices, the rows that agree named below; section: every row as measured; none: every container’s own rows too':
    'verdict: 차이, 그다음 선택, 일치하는 행은 아래에 이름만. section: 측정한 대로 모든 행. none: 컨테이너마다의 행까지',
  'one network or container of the lab (default: every network)':
    '랩의 네트워크나 컨테이너 하나 (기본값: 모든 네트워크)',
  'what docker network inspect / docker inspect print, read from the kernel for a lab that is up (root)':
    'docker network inspect / docker inspect가 출력하는 것을, 올라와 있는 랩의 커널에서 읽어 보여 줍니다 (root)',
  "\nPrints Docker's JSON (4-space indented, as docker does): a network's IPAM, containers with\nthe MAC and address the kernel has, bridge name, NAT and MTU options; or a container's\nnetworks. Ids are made up (the sha256 of the lab and the name), stable from run to run.\n\nExamples:\n  sudo nslab inspect bridge-basic br0   like docker network inspect bridge\n  sudo nslab inspect bridge-basic c1    like docker inspect c1":
    '\nDocker의 JSON(docker처럼 4칸 들여쓰기)을 출력합니다: 네트워크의 IPAM, 커널에 있는 MAC과\n주소를 가진 컨테이너, 브리지 이름, NAT와 MTU 옵션. 또는 컨테이너의 네트워크.\nId는 지어낸 값(랩과 이름의 sha256)이며, 실행할 때마다 같습니다.\n\n예:\n  sudo nslab inspect bridge-basic br0   docker network inspect bridge처럼\n  sudo nslab inspect bridge-basic c1    docker inspect c1처럼',
  'what this machine can do for nslab: root, tools, kernel features, Docker’s FORWARD policy, subnets in use':
    '이 머신이 nslab에 해 줄 수 있는 것: root, 도구, 커널 기능, Docker의 FORWARD 정책, 사용 중인 서브넷',
  'what is up, read from the kernel (root)': '올라와 있는 것, 커널에서 읽음 (root)',
  'invalid lab': '잘못된 랩',
  'what to do: {hint}': '할 일: {hint}',
  'a command failed at step {number} ({title})': '{number}단계({title})에서 명령이 실패했습니다',
  'rolled back: everything this run created is removed ({count} objects)':
    '되돌림: 이번 실행이 만든 것을 모두 지웠습니다(객체 {count}개)',
  'rollback left these behind: {list} — run nslab down':
    '되돌리고도 남은 것: {list} — nslab down을 실행하세요',
  // cli: down, status, validate
  '{lab} is not up ({place}): nothing to remove':
    '{lab} 랩은 올라와 있지 않습니다({place}). 지울 것이 없습니다',
  '{lab} is not up: nothing to remove': '{lab} 랩은 올라와 있지 않습니다. 지울 것이 없습니다',
  'removed {lab} ({place})': '{lab} 랩을 지웠습니다({place})',
  "removed Docker's copy of {lab} that compare --keep left:":
    'compare --keep이 남긴 {lab} 랩의 Docker 쪽 사본을 지웠습니다:',
  '{lab} is not up': '{lab} 랩은 올라와 있지 않습니다',
  'no lab is up': '올라와 있는 랩이 없습니다',
  '(what carries the lab’s mark; links and rules: those in this machine’s own namespace; --json lists the namespaces, links and proxies by name)':
    '(랩의 표시가 붙은 것. links와 rules는 이 머신 자체의 네임스페이스에 있는 것. --json은 네임스페이스, 링크, 프록시를 이름으로 보여 줍니다)',
  '{file}: ok — {networks} network(s), {containers} container(s), {checks} check(s)':
    '{file}: 정상 — 네트워크 {networks}개, 컨테이너 {containers}개, 점검 {checks}개',
  // compare
  "Docker {version}'s own chains (DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT, DOCKER-USER, …; 28 reorganised them)":
    'Docker {version} 자체의 체인 (DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT, DOCKER-USER, …; 28에서 재편됨)',
  "Docker {version}'s own chains (DOCKER, DOCKER-USER, DOCKER-ISOLATION-STAGE-1/2; 28 reorganised them)":
    'Docker {version} 자체의 체인 (DOCKER, DOCKER-USER, DOCKER-ISOLATION-STAGE-1/2; 28에서 재편됨)',
  "Docker {version} derives the MAC from the IP (02:42 then the address's 4 bytes); 28+ picks a random one; the lab lets the kernel pick":
    'Docker {version}에서는 MAC을 IP에서 만듭니다 (02:42 뒤에 주소의 4바이트). 28부터는 무작위로 고르고, 랩은 커널이 고르게 둡니다',
  "Docker {version} derives the MAC from the IP (02:42 then the address's 4 bytes, though not here); 28+ picks a random one; the lab lets the kernel pick":
    'Docker {version}에서는 MAC을 IP에서 만듭니다 (02:42 뒤에 주소의 4바이트, 다만 여기서는 그렇지 않음). 28부터는 무작위로 고르고, 랩은 커널이 고르게 둡니다',
  'Docker {version} picks a random MAC (27 and older derived it from the IP, 02:42:…); so does the kernel for the lab':
    'Docker {version}에서는 MAC을 무작위로 고릅니다 (27 이하는 IP에서 만들었습니다, 02:42:…). 랩에서는 커널이 똑같이 합니다',
  'the lab means to reproduce Docker here': '랩은 여기서 Docker와 똑같이 만들려고 합니다',
  "Docker names the default bridge docker0 and a user-defined network's bridge br-<network id>; the lab names it {name}":
    'Docker는 기본 브리지를 docker0, 사용자 정의 네트워크의 브리지를 br-<network id>로 이름 짓습니다. 랩에서는 {name}입니다',
  "the lab's subnet stays clear of Docker's own, so both can be up at once; addresses below are compared by their place in it (.1, .2, …)":
    '랩의 서브넷은 Docker의 서브넷과 겹치지 않아서 둘을 동시에 올릴 수 있습니다. 아래 주소는 서브넷 안의 위치(.1, .2, …)로 비교합니다',
  'a bridge gets a random local MAC on both sides (Docker ≤27 starts it with 02:42)':
    '브리지는 양쪽 모두 무작위 로컬 MAC을 받습니다 (Docker 27 이하는 02:42로 시작)',
  'on the default bridge Docker hands out the lowest free address: other containers on it took the lab’s':
    '기본 브리지에서 Docker는 비어 있는 가장 낮은 주소를 줍니다. 같은 브리지의 다른 컨테이너가 랩의 주소를 먼저 차지했습니다',
  'Docker turns IPv6 off on the eth0 of a network without IPv6; the lab, IPv4 only, leaves the kernel’s default':
    'Docker는 IPv6가 없는 네트워크의 eth0에서 IPv6를 끕니다. IPv4만 쓰는 랩은 커널 기본값을 그대로 둡니다',
  'Docker names the host end veth + 7 random hex digits; the lab names it ve-<container>':
    'Docker는 호스트 쪽 끝을 veth + 무작위 16진수 7자리로 이름 짓고, 랩은 ve-<container>(컨테이너 이름)로 짓습니다',
  'the two files name different containers': '두 파일에 적힌 컨테이너가 서로 다릅니다',
  'on a user-defined network the lab writes what Docker writes (nameserver 127.0.0.11, options ndots:0); Docker also keeps search and options lines of the machine’s resolv.conf':
    '사용자 정의 네트워크에서 랩은 Docker와 같은 내용을 씁니다 (nameserver 127.0.0.11, options ndots:0). Docker는 머신의 resolv.conf에 있던 search, options 줄도 남깁니다',
  'Docker copies the machine’s resolv.conf into a container on the default bridge; the lab points at no server, so no lookup leaves it':
    'Docker는 기본 브리지의 컨테이너에 머신의 resolv.conf를 복사합니다. 랩은 아무 서버도 가리키지 않으므로 어떤 조회도 밖으로 나가지 않습니다',
  'on a user-defined network Docker points resolv.conf at 127.0.0.11, and the nat chain DOCKER_OUTPUT in the container’s namespace sends port 53 there to the port where dockerd’s resolver listens (DOCKER_POSTROUTING puts :53 back on the answers)':
    '사용자 정의 네트워크에서 Docker는 resolv.conf가 127.0.0.11을 가리키게 하고, 컨테이너 네임스페이스의 nat 체인 DOCKER_OUTPUT이 그 주소의 53번 포트를 dockerd 임베디드 DNS가 리슨하는 포트로 보냅니다 (응답에는 DOCKER_POSTROUTING이 :53을 되돌려 놓습니다)',
  'dockerd turns forwarding on when it starts; a lab turns it on only when a network has nat: true (bridge-nat)':
    'dockerd는 시작할 때 포워딩을 켭니다. 랩은 nat: true인 네트워크가 있을 때만 켭니다 (bridge-nat)',
  'dockerd loads br_netfilter, which sends bridged frames through iptables; the value is per namespace and the lab does not set it':
    'dockerd는 br_netfilter를 로드해 브리지를 지나는 프레임도 iptables를 거치게 합니다. 이 값은 네임스페이스마다 따로이고, 랩은 설정하지 않습니다',
  'Docker sets FORWARD to DROP and accepts its own bridges’ traffic by rules in its chains; the lab’s host keeps ACCEPT, so it needs no such rules':
    'Docker는 FORWARD를 DROP으로 두고, 자기 체인의 규칙으로 자기 브리지의 트래픽을 받아들입니다. 랩의 호스트는 ACCEPT를 유지하므로 그런 규칙이 필요 없습니다',
  'not run': '실행 안 함',
  ' (must fail)': ' (실패해야 함)',
  'fails on both sides: {detail}': '양쪽 모두 실패: {detail}',
  'hand-built': '직접 구성',
  failed: '실패',
  none: '없음',
  '{chain}, no jump to it from OUTPUT': '{chain}, OUTPUT에서 이 체인으로 점프하지 않음',
  'no DNAT for 127.0.0.11': '127.0.0.11에 대한 DNAT 없음',
  'a server listens there ({protos})': '그 주소에서 서버가 리슨 중 ({protos})',
  'nothing listens there': '그 주소에서 리슨하는 것이 없음',
  'no proxy': '프록시 없음',
  'neither side runs a userland proxy for this port': '양쪽 모두 이 포트에 유저랜드 프록시를 띄우지 않습니다',
  'neither side runs a userland proxy (userland-proxy: false): NAT alone carries the port':
    '양쪽 모두 유저랜드 프록시를 띄우지 않습니다 (userland-proxy: false). 이 포트는 NAT만으로 전달됩니다',
  'both answer the port with a userland proxy in the host’s namespace; compare publishes Docker’s on the bridge’s address only (Docker’s default, every address, would open this machine’s port)':
    '양쪽 모두 호스트 네임스페이스의 유저랜드 프록시가 이 포트에 응답합니다. compare는 Docker 쪽 포트를 브리지 주소에만 공개합니다 (Docker 기본값처럼 모든 주소에 공개하면 이 머신의 포트가 열립니다)',
  'Docker 20.10 starts a docker-proxy for each published port (userland-proxy: true): it answers the host’s own and the neighbours’ calls to the port that the DNAT leaves out':
    'Docker 20.10은 공개한 포트마다 docker-proxy를 띄웁니다 (userland-proxy: true). DNAT이 다루지 않는, 호스트 자신과 이웃 컨테이너가 그 포트로 보내는 요청에 docker-proxy가 응답합니다',
  'no answer ({error})': '응답 없음 ({error})',
  'nothing seen': '아무것도 보이지 않음',
  'seen as the caller itself ({address}): DNAT alone':
    '호출한 컨테이너 자신({address})으로 보임: DNAT만 거침',
  'seen as {address}, the caller’s port kept: NAT (MASQUERADE)':
    '{address}로 보이고 호출한 쪽의 포트는 그대로: NAT (MASQUERADE, 마스커레이드)',
  'seen as {address} from a new port: a proxy’s own connection':
    '{address}의 새 포트에서 온 것으로 보임: 프록시가 새로 맺은 연결',
  'the same path answered on both sides': '양쪽에서 같은 경로로 응답했습니다',
  'with its userland proxy on, Docker answers a container calling its own host’s published port with docker-proxy, which connects to the server from the bridge’s address':
    '유저랜드 프록시가 켜져 있으면, 컨테이너가 자기 호스트의 공개 포트를 부를 때 Docker는 docker-proxy로 응답하고, docker-proxy는 브리지 주소에서 서버로 연결합니다',
  'Docker creates its veths with txqueuelen 0 (a veth has no real queue); `ip link add` keeps the kernel’s 1000 and the lab leaves it':
    'Docker는 veth를 txqueuelen 0으로 만듭니다 (veth에는 실제 큐가 없습니다). `ip link add`는 커널 기본값 1000을 그대로 두고, 랩도 바꾸지 않습니다',
  'host (the Docker host’s namespace)': 'host (Docker 호스트의 네임스페이스)',
  'none (only lo)': 'none (lo만 있음)',
  'own namespace': '자기 네임스페이스',
  'not from the bridge': '브리지에서 온 것은 제외',
  'from the bridge too': '브리지에서 온 것도 포함',
  'the same DNAT; Docker keeps it in its DOCKER chain (jumped to from PREROUTING and OUTPUT) and matches the address it was published on':
    '같은 DNAT입니다. Docker는 이 규칙을 자기 DOCKER 체인(PREROUTING과 OUTPUT에서 점프)에 두고, 포트를 공개한 주소로 매치합니다',
  'the same isolation; Docker makes it in two stages: DOCKER-ISOLATION-STAGE-1 picks what leaves a bridge for another, STAGE-2 drops it':
    '같은 격리입니다. Docker는 두 단계로 만듭니다: DOCKER-ISOLATION-STAGE-1이 한 브리지에서 다른 브리지로 가는 것을 골라내고, STAGE-2가 그것을 드롭합니다',
  'Docker isolates every pair of its bridge networks; this lab does not ask for it (isolated: true on {network} would)':
    'Docker는 자기 브리지 네트워크를 모두 서로 격리합니다. 이 랩은 격리를 요청하지 않습니다 ({network}에 isolated: true를 주면 요청합니다)',
  'Docker’s DNAT leaves out what comes from the bridge (! -i): with its userland proxy on, a neighbour calling the published port reaches docker-proxy instead; the lab’s DNAT takes those packets too':
    'Docker의 DNAT은 브리지에서 오는 패킷을 제외합니다 (! -i). 유저랜드 프록시가 켜져 있으면 공개 포트를 부르는 이웃 컨테이너는 대신 docker-proxy에 닿습니다. 랩의 DNAT은 그런 패킷도 잡습니다',
  'only the hand-built side has it': '직접 구성한 쪽에만 있습니다',
  'only Docker has it': 'Docker에만 있습니다',
  'only the hand-built side has this rule': '직접 구성한 쪽에만 이 규칙이 있습니다',
  'with its MASQUERADE, Docker keeps the bridge’s own packets from the DNAT; this lab leaves NAT out ({network} has no nat: true — bridge-nat adds it)':
    'Docker는 MASQUERADE(마스커레이드)와 함께 브리지 자신의 패킷이 DNAT에 걸리지 않게 합니다. 이 랩은 NAT을 넣지 않습니다 ({network}에 nat: true가 없습니다 — bridge-nat 랩에서 추가합니다)',
  'Docker masquerades every bridge network; this lab leaves NAT out ({network} has no nat: true — bridge-nat adds it)':
    'Docker는 모든 브리지 네트워크를 마스커레이드합니다. 이 랩은 NAT을 넣지 않습니다 ({network}에 nat: true가 없습니다 — bridge-nat 랩에서 추가합니다)',
  'only Docker has this rule; the lab’s host builds Docker’s chains, and this rule is missing':
    'Docker에만 이 규칙이 있습니다. 랩의 호스트도 Docker의 체인을 만드는데, 이 규칙이 빠져 있습니다',
  'only Docker has this rule': 'Docker에만 이 규칙이 있습니다',
  '{n} rules, e.g. {rule}': '규칙 {n}개, 예: {rule}',
  '{chains}: they accept the bridge’s traffic under a FORWARD policy of DROP and isolate networks from each other':
    '{chains}: FORWARD 정책이 DROP일 때 브리지의 트래픽을 받아들이고, 네트워크끼리 서로 격리합니다',
  '{first}: {value}; likewise {others}': '{first}: {value}; {others}도 마찬가지',
  '{property}: hand-built {hand} · Docker {docker}': '{property}: 직접 구성 {hand} · Docker {docker}',
  '{n} iptables rules': 'iptables 규칙 {n}개',
  '{n} iptables rule': 'iptables 규칙 {n}개',
  '{n} of the lab’s checks': '랩의 점검 {n}개',
  '{n} hairpin paths': '헤어핀 경로 {n}개',
  '{n} hairpin path': '헤어핀 경로 {n}개',
  same: '같음',
  'Docker’s choice': 'Docker의 선택',
  'lab’s choice': '랩의 선택',
  DIFFERS: '다름',
  property: '항목',
  'same?': '같은가?',
  'DIFFERS — the lab means to build this as Docker does, and does not':
    '다름 — 랩은 이것을 Docker처럼 만들려 했지만 그렇게 되지 않았습니다',
  'Docker’s choice — Docker’s own way (names, MACs, its chains); the lab need not copy it':
    'Docker의 선택 — Docker만의 방식(이름, MAC, 자기 체인)이라 랩이 따라 할 필요는 없습니다',
  'the lab’s choice — the lab does it otherwise, on purpose': '랩의 선택 — 랩이 일부러 다르게 합니다',
  'not run — on Docker’s side': '실행 안 함 — Docker 쪽에서',
  'the same on both sides': '양쪽이 같음',
  '{rows} properties compared: {same} same, {docker} Docker’s choice, {lab} the lab’s choice, {skipped} not run, {differs} differ':
    '항목 {rows}개 비교: 같음 {same}, Docker의 선택 {docker}, 랩의 선택 {lab}, 실행 안 함 {skipped}, 다름 {differs}',
  'differs:': '다른 항목:',
  'showing {n} of {all} lines (--only {only})': '{all}줄 중 {n}줄 표시 (--only {only})',
  'Also the same on both sides: {list} (their values: --only same; every row in the order measured: --group section).':
    '다음도 양쪽이 같습니다: {list} (값 보기: --only same; 잰 순서대로 모든 행 보기: --group section).',
  'Docker’s side has no outside of nslab’s, and nslab sends no traffic beyond the namespaces it made':
    'Docker 쪽에는 nslab의 바깥 네트워크가 없고, nslab은 자기가 만든 네임스페이스 밖으로는 트래픽을 보내지 않습니다',
  'Docker’s copy publishes its ports on the bridge’s gateway only (every address would open them on this machine’s real network), so this machine’s 127.0.0.1 has no such port there':
    'Docker 쪽 복사본은 포트를 브리지의 게이트웨이 주소에만 공개합니다 (모든 주소에 공개하면 이 머신의 실제 네트워크에 포트가 열립니다). 그래서 이 머신의 127.0.0.1에는 그 포트가 없습니다',
  'the server of a network_mode host container would listen on this machine’s own addresses; compare starts none there':
    'network_mode host(호스트 네트워크) 컨테이너의 서버는 이 머신 자체의 주소에서 리슨하게 됩니다. compare는 그런 서버를 띄우지 않습니다',
  '{container} has no Docker counterpart': '{container}에 대응하는 Docker 컨테이너가 없습니다',
  '{address} has no counterpart on Docker’s side': '{address}에 대응하는 주소가 Docker 쪽에 없습니다',
  'the docker command is not installed': 'docker 명령이 설치되어 있지 않습니다',
  'apt-get install docker.io (then start dockerd)': 'apt-get install docker.io (그다음 dockerd를 시작하세요)',
  'no Docker engine answers: {error}': '응답하는 Docker 엔진이 없습니다: {error}',
  'docker version exited {code}': 'docker version이 종료 코드 {code}로 끝났습니다',
  'start it: sudo systemctl start docker (without systemd: {script})':
    '엔진을 시작하세요: sudo systemctl start docker (systemd가 없으면: {script})',
  // trace
  'this machine’s own namespace': '이 머신 자체의 네임스페이스',
  'the Docker host ({hosts}) and {containers}': 'Docker 호스트({hosts}), {containers}',
  'the Docker host ({hosts})': 'Docker 호스트({hosts})',
  'the outside': '바깥 네트워크',
  'step {n}: {title}': '{n}단계: {title}',
  'dockerd sets FORWARD’s policy to DROP when it turns ip_forward on, and accepts only its own bridges’ traffic (-i BRIDGE -o BRIDGE -j ACCEPT …); with br_netfilter, frames bridged between two containers meet it too':
    'dockerd는 ip_forward를 켤 때 FORWARD의 정책을 DROP으로 바꾸고, 자기 브리지의 트래픽만 규칙으로 받아들입니다 (-i BRIDGE -o BRIDGE -j ACCEPT …). br_netfilter가 있으면 두 컨테이너 사이에서 브리지를 지나는 프레임도 이 정책을 만납니다',
  "Docker's {chain}": 'Docker의 {chain}',
  'the rule {rule}': '규칙 {rule}',
  "{chain}'s policy {policy}": '{chain}의 정책 {policy}',
  " — the exercise's fault ({fault})": ' — 연습 문제가 심어 둔 고장 ({fault})',
  ' — made by {step}': ' — 만든 단계: {step}',
  'dropped in {where} at {hook}, {table} {chain}: {by}{made}':
    '{where}, {hook} 훅의 {table} {chain}에서 드롭: {by}{made}',
  'dropped in {where}, {table} {chain}: {by}{made}': '{where}, {table} {chain}에서 드롭: {by}{made}',
  'port {port}': '포트 {port}',
  'nobody answered ARP for {hop} on {dev} (neighbour {state})':
    '{dev}에서 {hop}에 대한 ARP 요청에 아무도 답하지 않았습니다 (이웃 상태 {state})',
  resolved: '이름 해석 성공',
  '{said}: /etc/hosts answered, no packet needed (the DNS queries traced are getent asking for an IPv6 address first, which /etc/hosts does not list)':
    '{said}: /etc/hosts가 답했으므로 패킷이 필요 없습니다 (추적된 DNS 질의는 getent가 먼저 IPv6 주소를 물은 것인데, /etc/hosts에는 IPv6 주소가 없습니다)',
  '{said}: /etc/hosts answered, no packet needed': '{said}: /etc/hosts가 답했으므로 패킷이 필요 없습니다',
  'the DNS server': 'DNS 서버',
  '{said}: {via} answered, and the answer came back': '{said}: {via}에서 응답했고, 응답이 돌아왔습니다',
  '{said}: {via} answered': '{said}: {via}에서 응답했습니다',
  'the probe was stopped ({signal}) before it could prove anything':
    '프로브가 무엇이든 증명하기 전에 멈췄습니다 ({signal})',
  ' (itself)': ' (자기 자신)',
  'delivered to {places}, and the answer came back': '{places}에 전달되었고, 응답이 돌아왔습니다',
  ', then to ': ', 이어서 ',
  'delivered to {places}': '{places}에 전달되었습니다',
  '{target} answered {from}, and the answer came back': '{target}에서 {from}에 응답했고, 응답이 돌아왔습니다',
  '{target} answered {from}': '{target}에서 {from}에 응답했습니다',
  ' ({who} answered {packet})': ' ({who}의 응답: {packet})',
  'the nameserver': '네임서버',
  'no DNS server: nothing listens on {server} for {from}{answeredBy}':
    'DNS 서버 없음: {server}에서 {from}의 질의를 리슨하는 프로세스가 없습니다{answeredBy}',
  'unknown name: {via} answered {from} without an address for {name}':
    '모르는 이름: {via}에서 {from}에 응답했지만 {name}의 주소는 없었습니다',
  'no listener: nothing listens on {target}{answeredBy}':
    '리슨하는 서버 없음: {target}에서 리슨하는 프로세스가 없습니다{answeredBy}',
  'too big: {from} sends it with DF (do not fragment) over a smaller MTU ({detail})':
    '너무 큼: {from}에서 DF(조각화 금지)를 붙여 더 작은 MTU 쪽으로 보냅니다 ({detail})',
  'no route: {from} has no route to {target} ({why})':
    '경로 없음: {from}에는 {target}에 이르는 경로가 없습니다 ({why})',
  'no neighbour: {what} in {who}': '이웃 없음: {what} (위치: {who})',
  'no answer: {detail}': '응답 없음: {detail}',
  'never left {from}': '{from}에서 나가지 못했습니다',
  'last seen in {at}, which neither delivered nor forwarded it':
    '마지막으로 보인 곳은 {at}이고, 그곳은 패킷을 받지도 포워딩하지도 않았습니다',
  'last seen delivered in {at}': '마지막 모습: {at}에 전달됨',
  'last seen forwarded in {at}': '마지막 모습: {at}에서 포워딩됨',
  'last seen sent in {at}': '마지막 모습: {at}에서 보냄',
  'last seen dropped in {at}': '마지막 모습: {at}에서 드롭됨',
  DELIVERED: '전달됨',
  DROPPED: '드롭됨',
  LOST: '유실됨',
  '{in} (a port of {bridge})': '{in} ({bridge}의 포트)',
  '{at} sends {packet} by {out}': '{at}: {packet} 보냄 (나간 곳 {out})',
  '{at} sends {packet}': '{at}: {packet} 보냄',
  '{at} gets {packet} by {by}: delivered here': '{at}: {packet} 받음 (들어온 곳 {by}) — 여기로 전달됨',
  '{at} gets {packet} by {by}, bridges it out by {out}':
    '{at}: {packet} 받음 (들어온 곳 {by}) → 브리지가 내보냄 (나간 곳 {out})',
  '{at} gets {packet} by {by}, routes it out by {out}':
    '{at}: {packet} 받음 (들어온 곳 {by}) → 라우팅해 내보냄 (나간 곳 {out})',
  '{at} gets {packet} by {by}: {dropped}': '{at}: {packet} 받음 (들어온 곳 {by}) — {dropped}',
  'dropped here': '여기서 드롭됨',
  '{at} gets {packet} by {by}: it goes no further (no input, no forward)':
    '{at}: {packet} 받음 (들어온 곳 {by}) — 더 나아가지 않음 (input도 forward도 없음)',
  '{at} gets {packet}: delivered here': '{at}: {packet} 받음 — 여기로 전달됨',
  '{at} gets {packet}, bridges it out by {out}': '{at}: {packet} 받음 → 브리지가 내보냄 (나간 곳 {out})',
  '{at} gets {packet}, routes it out by {out}': '{at}: {packet} 받음 → 라우팅해 내보냄 (나간 곳 {out})',
  '{at} gets {packet}: {dropped}': '{at}: {packet} 받음 — {dropped}',
  '{at} gets {packet}: it goes no further (no input, no forward)':
    '{at}: {packet} 받음 — 더 나아가지 않음 (input도 forward도 없음)',
  'br_netfilter: this bridged frame went through iptables too (net.bridge.bridge-nf-call-iptables=1)':
    'br_netfilter: 브리지를 지난 이 프레임도 iptables를 거쳤습니다 (net.bridge.bridge-nf-call-iptables=1)',
  'policy {policy}': '정책 {policy}',
  "the exercise's fault: {fault}": '연습 문제가 심어 둔 고장: {fault}',
  'leaves as {packet}': '나갈 때는 {packet}',
  'iptables-legacy here: no nft trace; these are the rules whose counters moved while the probe ran':
    '여기는 iptables-legacy라 nft trace가 없습니다. 아래는 프로브가 도는 동안 카운터가 올라간 규칙입니다',
  "(try {n} of 3: the tries before it got no answer; this is the last one's journey)":
    '(3번 중 {n}번째 시도: 앞선 시도는 응답을 받지 못했습니다. 아래는 마지막 시도의 경로입니다)',
  '    ← the answer': '    ← 응답',
  '    no packet was seen in any namespace of the lab':
    '    랩의 어느 네임스페이스에서도 패킷이 보이지 않았습니다',
  'NAT, as conntrack recorded it:': 'conntrack이 기록한 NAT:',
  '{kind} in {who}: sent {original}, answered {reply}': '{who}의 {kind}: 보낸 패킷 {original}, 응답 {reply}',
  'no answer within 3 s': '3초 안에 응답 없음',
  '"{check}" binds a port and sends no packet: there is nothing to trace':
    '"{check}" 점검은 포트를 열어 두기만 하고 패킷을 보내지 않으므로 추적할 것이 없습니다',
  'trace a check that sends something (ping, tcp, udp, http, resolve), or --from/--to':
    '무언가를 보내는 점검(ping, tcp, udp, http, resolve)을 추적하거나 --from/--to를 쓰세요',
  // inspect
  'there is no bridge {bridge}': '{bridge} 브리지가 없습니다',
  'bridge {bridge} is DOWN (not set up)': '{bridge} 브리지가 DOWN 상태입니다 (set up 안 됨)',
  'bridge {bridge} lacks the gateway address {gateway} (it has {has})':
    '{bridge} 브리지에 게이트웨이 주소({gateway})가 없습니다 (있는 주소: {has})',
  'bridge {bridge} lacks the gateway address {gateway}':
    '{bridge} 브리지에 게이트웨이 주소({gateway})가 없습니다',
  'there is no VXLAN device vx-{network} joining {network} to the other hosts':
    '{network} 네트워크를 다른 호스트와 잇는 VXLAN 장치(vx-{network})가 없습니다',
  'vx-{network}, the VXLAN device, is plugged into {master} (the lab plugs it into {network})':
    'VXLAN 장치(vx-{network})가 {master}에 꽂혀 있습니다 (랩은 {network}에 꽂습니다)',
  'vx-{network}, the VXLAN device, is on no bridge (the lab plugs it into {network})':
    'VXLAN 장치(vx-{network})가 어느 브리지에도 꽂혀 있지 않습니다 (랩은 {network}에 꽂습니다)',
  'vx-{network}, the VXLAN device, is DOWN': 'VXLAN 장치(vx-{network})가 DOWN 상태입니다',
  'the host has no macvlan shim mvs-{network} with {shim}/32 that is up: it cannot reach its macvlan containers':
    '호스트에 {shim}/32를 가진 macvlan 심 인터페이스(mvs-{network})가 켜져 있지 않습니다: 호스트가 자기 macvlan 컨테이너에 닿을 수 없습니다',
  'lo in {container} is DOWN: not even 127.0.0.1 answers':
    '{container}의 lo가 DOWN 상태입니다: 127.0.0.1조차 응답하지 않습니다',
  '{container} has no {ifname}': '{container} 컨테이너에 {ifname} 인터페이스가 없습니다',
  '{ifname} in {container} is DOWN': '{container}의 {ifname} 인터페이스가 DOWN 상태입니다',
  "{container}'s {ifname} has no peer in the Docker host":
    '{container}의 {ifname}에 짝이 되는 veth 끝이 Docker 호스트에 없습니다',
  "{end}, the host end of {container}'s cable, is DOWN":
    '{container}의 케이블(veth 페어) 호스트 쪽 끝({end})이 DOWN 상태입니다',
  "{end}, the host end of {container}'s cable, is plugged into {master} (the lab plugs it into {network})":
    '{container}의 케이블(veth 페어) 호스트 쪽 끝({end})이 {master}에 꽂혀 있습니다 (랩은 {network}에 꽂습니다)',
  "{end}, the host end of {container}'s cable, is on no bridge (the lab plugs it into {network})":
    '{container}의 케이블(veth 페어) 호스트 쪽 끝({end})이 어느 브리지에도 꽂혀 있지 않습니다 (랩은 {network}에 꽂습니다)',
  "{end}, {container}'s port on {network}, is not in hairpin mode: a frame cannot leave by the port it came in by ({container} calling its own published port)":
    '{network}에 있는 {container}의 포트({end})가 헤어핀 모드가 아닙니다: 프레임이 들어온 포트로 다시 나갈 수 없습니다 ({container} 컨테이너가 자기 공개 포트를 부르는 경우)',
  "{container}'s macvlan child is in mode {mode}, where children cannot reach each other":
    '{container}의 macvlan 자식 인터페이스가 {mode} 모드입니다. 이 모드에서는 자식끼리 서로 닿을 수 없습니다',
  '{ifname} in {container} has MTU {mtu}; the lab gives it {want}':
    '{container}의 {ifname} MTU가 {mtu}입니다. 랩에서는 {want}입니다',
  '{ifname} in {container} has {has}; the lab gives it {want}':
    '{container}의 {ifname} 주소가 {has}입니다. 랩에서는 {want}입니다',
  '{ifname} in {container} has no address; the lab gives it {want}':
    '{container}의 {ifname}에 주소가 없습니다. 랩에서는 {want}입니다',
  '{container} has no default route via {gateway}':
    '{container} 컨테이너에 게이트웨이({gateway})를 거치는 기본 경로가 없습니다',
  "{container}'s /etc/hosts does not name {address} {names}":
    '{container}의 /etc/hosts에 {address} {names} 항목이 없습니다',
  'net.ipv4.ip_forward is {value}: the host routes nothing for its containers':
    'net.ipv4.ip_forward가 {value}입니다: 호스트가 컨테이너의 패킷을 전혀 라우팅하지 않습니다',
  unreadable: '읽을 수 없음',
  "FORWARD's policy is DROP and bridged frames go through iptables (bridge-nf-call-iptables=1): nothing accepts {bridge} → {bridge}":
    'FORWARD의 정책이 DROP이고 브리지를 지나는 프레임도 iptables를 거치는데 (bridge-nf-call-iptables=1), {bridge} → {bridge} 트래픽을 받아들이는 규칙이 없습니다',
  'nothing in nat POSTROUTING masquerades {subnet} on its way out':
    'nat POSTROUTING에 밖으로 나가는 {subnet} 대역을 마스커레이드하는 규칙이 없습니다',
  'no DNAT in {chain} sends port {port} to {container} (the host’s own requests)':
    '{chain}에 포트 {port} → {container} 컨테이너로 보내는 DNAT이 없습니다 (호스트 자신의 요청)',
  'no DNAT in {chain} sends port {port} to {container} (requests from elsewhere)':
    '{chain}에 포트 {port} → {container} 컨테이너로 보내는 DNAT이 없습니다 (다른 곳에서 오는 요청)',
  'nothing in FORWARD drops what is forwarded between {network} and the other bridges':
    'FORWARD에 {network} 네트워크와 다른 브리지 사이에서 포워딩되는 것을 드롭하는 규칙이 없습니다',
  "{container}'s resolv.conf does not send lookups to 127.0.0.11":
    '{container}의 resolv.conf가 조회를 127.0.0.11로 보내지 않습니다',
  'in {container}, nothing sends what goes to 127.0.0.11 through DOCKER_OUTPUT':
    '{container}에서 127.0.0.11로 가는 것을 DOCKER_OUTPUT으로 보내는 규칙이 없습니다',
  'in {container}, nothing DNATs {proto} port 53 of 127.0.0.11 to the DNS server':
    '{container}에서 127.0.0.11의 {proto} 53번 포트를 DNS 서버로 DNAT하는 규칙이 없습니다',
  'in {at}, {chain} lacks a rule the lab has: {rule}': '{at}의 {chain}에 랩에 있는 규칙이 없습니다: {rule}',
  'in {at}, {chain} has a rule the lab does not: {rule}':
    '{at}의 {chain}에 랩에 없는 규칙이 있습니다: {rule}',
  "in {at}, the filter table's {chain} policy is {got}; the lab's is {want}":
    '{at}에서 filter 테이블의 {chain} 정책이 {got}입니다. 랩의 정책은 {want}입니다',
  'in {at}, {key} is {got}; the lab sets {value}':
    '{at}에서 {key} 값이 {got}입니다. 랩이 설정하는 값은 {value}입니다',
  'Docker keeps FORWARD’s policy DROP and accepts each bridge’s own traffic with rules of its own ({rules}, and -A FORWARD -i BRIDGE ! -o BRIDGE -j ACCEPT for the way out)':
    'Docker는 FORWARD의 정책을 DROP으로 두고, 각 브리지의 트래픽은 자기 규칙으로 받아들입니다 ({rules}, 밖으로 나가는 길은 -A FORWARD -i BRIDGE ! -o BRIDGE -j ACCEPT)',
  'Docker never changes the policy of {chain}: it adds rules that match only its own traffic':
    'Docker는 {chain}의 정책을 바꾸지 않습니다: 자기 트래픽에만 매치되는 규칙을 추가합니다',
  '; and {n} more': '; 그 밖에 {n}개 더',
  'masquerades every packet that leaves the host by any interface, what passes between the containers of a bridge included':
    '어느 인터페이스로든 호스트를 떠나는 모든 패킷을 마스커레이드합니다. 한 브리지의 컨테이너끼리 오가는 패킷까지 포함됩니다',
  'drops every forwarded packet, the traffic within each bridge and out to the world included':
    '포워딩되는 모든 패킷을 드롭합니다. 각 브리지 안의 트래픽과 바깥 세상으로 나가는 트래픽까지 포함됩니다',
  'also catches what the host sends to 127.0.0.1: its own curl 127.0.0.1:PORT no longer reaches docker-proxy':
    '호스트가 127.0.0.1로 보내는 것까지 잡습니다: 호스트의 curl 127.0.0.1:PORT가 더 이상 docker-proxy에 닿지 않습니다',
  'accepts every forwarded packet, between any two interfaces':
    '어느 두 인터페이스 사이든 포워딩되는 모든 패킷을 받아들입니다',
  'Docker masquerades one bridge’s subnet, for what leaves by another interface: -A POSTROUTING -s SUBNET ! -o {bridge} -j MASQUERADE':
    'Docker는 한 브리지의 서브넷을, 다른 인터페이스로 나가는 것만 마스커레이드합니다: -A POSTROUTING -s SUBNET ! -o {bridge} -j MASQUERADE',
  'Docker isolates its networks by their interfaces: -A DOCKER-ISOLATION-STAGE-1 -i BRIDGE ! -o BRIDGE -j DOCKER-ISOLATION-STAGE-2, -A DOCKER-ISOLATION-STAGE-2 -o OTHER-BRIDGE -j DROP':
    'Docker는 인터페이스로 네트워크를 서로 격리합니다: -A DOCKER-ISOLATION-STAGE-1 -i BRIDGE ! -o BRIDGE -j DOCKER-ISOLATION-STAGE-2, -A DOCKER-ISOLATION-STAGE-2 -o OTHER-BRIDGE -j DROP',
  'Docker jumps to its DOCKER chain from OUTPUT for the host’s own addresses only: -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER; 127.0.0.1 is left to docker-proxy':
    'Docker는 호스트 자신의 주소로 가는 것만 OUTPUT에서 DOCKER 체인으로 점프시킵니다: -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER. 127.0.0.1은 docker-proxy에 맡깁니다',
  'Docker accepts each bridge’s traffic by its interfaces: {rules}':
    'Docker는 각 브리지의 트래픽을 인터페이스로 골라 받아들입니다: {rules}',
  'link {name}: {was} → {is}': '링크 {name}: {was} → {is}',
  gone: '없어짐',
  'link {name} added ({state})': '링크 {name} 추가됨 ({state})',
  'address {x} removed': '주소 {x} 삭제됨',
  'address {x} added': '주소 {x} 추가됨',
  'route {x} removed': '경로 {x} 삭제됨',
  'route {x} added': '경로 {x} 추가됨',
  '{file} edited': '{file} 수정됨',
  'the policy of {chain} in {ns} is {is}, where it must stay {want}':
    '{ns}에서 {chain}의 정책이 {is}입니다. 이 정책은 {want} 그대로 두어야 합니다',
  '{name} is {is} in {ns}, where it must stay {want}':
    '{ns}에서 {name} 값이 {is}입니다. 이 값은 {want} 그대로 두어야 합니다',
  'Docker leaves bridge netfilter on, so FORWARD still sees bridged frames (isolation between networks depends on it), and lets a bridge’s own traffic through with {rules}':
    'Docker는 브리지 넷필터(bridge netfilter)를 켜 둡니다. 그래서 FORWARD는 브리지를 지나는 프레임도 계속 봅니다 (네트워크 간 격리가 여기에 달려 있습니다). 브리지 자신의 트래픽은 규칙으로 통과시킵니다: {rules}',
  'Docker leaves {name} at {value}': 'Docker는 {name} 값을 {value} 그대로 둡니다',
  'the fault is in {where}: repair it there': '고장은 {where}에 있습니다: 그곳에서 복구하세요',
  ' and ': ' 및 ',
  'you set the policy of {chain} to {is} in {ns} (it was {was})':
    '{ns}에서 {chain}의 정책을 바꿨습니다: {is} (원래 {was})',
  'you switched bridge netfilter off in {ns} ({name}=0): FORWARD no longer sees any bridged frame':
    '{ns}에서 브리지 넷필터를 껐습니다 ({name}=0): FORWARD가 더 이상 브리지를 지나는 프레임을 보지 못합니다',
  'Docker leaves it on (isolation between its networks depends on it) and lets a bridge’s own traffic through with {rules}':
    'Docker는 이 값을 켜 둡니다 (네트워크 간 격리가 여기에 달려 있습니다). 브리지 자신의 트래픽은 규칙으로 통과시킵니다: {rules}',
  'you set {name}={value} in {ns} (it was {was})': '{ns}에서 값을 바꿨습니다: {name}={value} (원래 {was})',
  'you set {name}={value} in {ns}: packets from and to 127.0.0.0/8 may now be routed off the namespace, by every interface':
    '{ns}에서 값을 바꿨습니다({name}={value}): 이제 127.0.0.0/8에서 오가는 패킷이 모든 인터페이스로 네임스페이스 밖으로 라우팅될 수 있습니다',
  'with docker-proxy (its default), Docker never sets route_localnet: the proxy answers 127.0.0.1':
    'docker-proxy를 쓸 때(기본값) Docker는 route_localnet을 설정하지 않습니다: 127.0.0.1에는 프록시가 응답합니다',
  'with userland-proxy: false, Docker sets it for its bridge alone: net.ipv4.conf.{bridge}.route_localnet=1':
    'userland-proxy: false일 때 Docker는 자기 브리지에만 이 값을 설정합니다: net.ipv4.conf.{bridge}.route_localnet=1',
  '{n} rules of the {table} table in {ns} are gone: {rules}':
    '{ns}에서 {table} 테이블의 규칙 {n}개가 사라졌습니다: {rules}',
  '{n} rule of the {table} table in {ns} is gone: {rules}':
    '{ns}에서 {table} 테이블의 규칙 {n}개가 사라졌습니다: {rules}',
  'Docker never flushes its chains or deletes its rules to repair one: add the rule that is missing and keep the rest':
    'Docker는 규칙 하나를 복구하려고 체인을 비우거나(flush) 규칙을 지우지 않습니다: 빠진 규칙을 추가하고 나머지는 그대로 두세요',
  'you added to the {table} table in {ns}: {rules}': '{ns}의 {table} 테이블에 추가한 규칙: {rules}',
  'Docker puts no rules into a container’s namespace besides the embedded DNS’s (DOCKER_OUTPUT, DOCKER_POSTROUTING for 127.0.0.11): the repair belongs elsewhere':
    'Docker는 컨테이너의 네임스페이스에 임베디드 DNS용 규칙(127.0.0.11을 위한 DOCKER_OUTPUT, DOCKER_POSTROUTING) 말고는 넣지 않습니다: 복구할 곳은 다른 데 있습니다',
  'your rule in {ns} ({table}) {rule} {why}': '{ns}에 넣은 규칙 ({table}) {rule}: {why}',
  'you changed {ns}: {changes}': '{ns}에서 바꾼 것: {changes}',
  'the policy of {chain} to {is} (it was {was})': '{chain} 정책 → {is} (원래 {was})',
  '{name}={value} (it was {was})': '{name}={value} (원래 {was})',
  'you set {changes} on this machine itself; the Docker host here is {hosts}':
    '이 머신 자체의 설정을 바꿨습니다: {changes}. 이 랩의 Docker 호스트는 {hosts}입니다',
  'undo it on this machine, and repair the lab in its own namespaces (ip -n NS …, ip netns exec NS …)':
    '이 머신에서는 되돌리고, 랩은 랩의 네임스페이스 안에서 복구하세요 (ip -n NS …, ip netns exec NS …)',
  'these checks came out as expected when the exercise was built, and no longer do: {checks}':
    '연습 문제를 만들 때는 예상대로 나왔던 점검이 이제는 그렇지 않습니다: {checks}',
  'this check came out as expected when the exercise was built, and no longer does: {checks}':
    '연습 문제를 만들 때는 예상대로 나왔던 점검이 이제는 그렇지 않습니다: {checks}',
  'a repair Docker would make fixes what the fault broke and leaves everything else working':
    'Docker라면 했을 복구는 고장 난 것만 고치고 나머지는 모두 그대로 동작하게 둡니다',
  // graph
  'the host': '호스트',
  '{host}’s uplink {address}, cable to the outside’s LAN; parent of the {kind} children of {children}':
    '{host}의 업링크 {address}, 바깥 네트워크의 LAN으로 가는 케이블; {children}의 {kind} 자식 인터페이스들의 부모',
  '{host}’s uplink {address}, cable to the outside’s LAN':
    '{host}의 업링크 {address}, 바깥 네트워크의 LAN으로 가는 케이블',
  ', gateway {address}': ', 게이트웨이 {address}',
  '; ports {ports}': '; 포트 {ports}',
  'VXLAN {vni} of {network}: the frames it carries to and from the other hosts, unwrapped (on the uplink they travel inside UDP/4789)':
    '{network}의 VXLAN {vni}: 다른 호스트와 오가는 프레임을 캡슐을 벗긴 모습으로 봅니다 (업링크에서는 UDP/4789 안에 담겨 다닙니다)',
  '{container}’s cable, host end, on {bridge}; the other end is {container}:{inside}':
    '{container}의 케이블(veth 페어) 중 호스트 쪽 끝, {bridge}에 꽂힘; 다른 쪽 끝은 {container}:{inside}',
  'a veth of {host}': '{host}의 veth',
  'macvlan shim of {network}: the host’s own way to its macvlan containers':
    '{network}의 macvlan 심 인터페이스: 호스트가 자기 macvlan 컨테이너에 닿는 통로',
  'a {kind} link of {host}': '{host}의 {kind} 링크',
  '{container}’s {inside} {address}, cable to {end} on {on}':
    '{container}의 {inside} {address}, 케이블의 다른 쪽 끝은 {on}에 꽂힌 {end}',
  '{container}’s {inside} {address}, {kind} child of {on}':
    '{container}의 {inside} {address}, {on}의 {kind} 자식 인터페이스',
  'the outside’s LAN switch: every frame between the Docker hosts and the outside':
    '바깥 네트워크의 LAN 스위치: Docker 호스트와 바깥 네트워크 사이의 모든 프레임',
  'the outside’s end of {host}’s uplink ({link}), on its LAN switch':
    '{host} 업링크({link})의 바깥 네트워크 쪽 끝, LAN 스위치에 꽂힘',
  '{container} runs on {host}, which another machine builds: capture there':
    '{container} 컨테이너는 다른 머신이 만드는 {host}에서 돕니다: 그쪽에서 캡처하세요',
  '{container} has network container:{of}: it shares {of}’s interfaces, capture {of}':
    '{container} 컨테이너는 network container:{of}입니다: {of}의 인터페이스를 같이 쓰므로 {of} 쪽을 캡처하세요',
  '{container} has network host: it uses the host’s own interfaces, capture on those':
    '{container} 컨테이너는 network host입니다: 호스트 자신의 인터페이스를 쓰므로 그 인터페이스에서 캡처하세요',
  '{container} has network none: only lo, no cable to capture on':
    '{container} 컨테이너는 network none입니다: lo뿐이라 캡처할 케이블이 없습니다',
  '{lab} has no link "{name}"': '{lab}에는 "{name}" 링크가 없습니다',
  '(no address)': '(주소 없음)',
  'namespace {ns}': '네임스페이스 {ns}',
  'not this machine': '이 머신 아님',
  'this machine': '이 머신',
  'forwarding: net.ipv4.ip_forward={forward}, FORWARD policy {policy}, br_netfilter not loaded (bridged frames skip iptables)':
    '포워딩: net.ipv4.ip_forward={forward}, FORWARD 정책 {policy}, br_netfilter 로드 안 됨 (브리지를 지나는 프레임은 iptables를 건너뜀)',
  'forwarding: net.ipv4.ip_forward={forward}, FORWARD policy {policy}, bridge-nf-call-iptables={nf} (bridged frames pass iptables FORWARD)':
    '포워딩: net.ipv4.ip_forward={forward}, FORWARD 정책 {policy}, bridge-nf-call-iptables={nf} (브리지를 지나는 프레임도 iptables FORWARD를 거침)',
  'forwarding: net.ipv4.ip_forward={forward}, FORWARD policy {policy}, bridge-nf-call-iptables={nf}':
    '포워딩: net.ipv4.ip_forward={forward}, FORWARD 정책 {policy}, bridge-nf-call-iptables={nf}',
  'Docker’s own, not this lab’s: {n} rule': '이 랩이 아닌 Docker 자체의 규칙: {n}개',
  'Docker’s own, not this lab’s: {n} rules': '이 랩이 아닌 Docker 자체의 규칙: {n}개',
  'others’, not this lab’s: {n} rule': '이 랩이 아닌 다른 프로그램의 규칙: {n}개',
  'others’, not this lab’s: {n} rules': '이 랩이 아닌 다른 프로그램의 규칙: {n}개',
  'on no bridge (unplugged):': '어느 브리지에도 꽂히지 않음:',
  ' (on {bridge})': ' ({bridge}에 꽂힘)',
  'rules:': '규칙:',
  'process: {program} listens on {listens} → {target} ({container} {inside})':
    '프로세스: {program}, {listens}에서 리슨 → {target} ({container} {inside})',
  '(from the kernel)': '(커널에서 읽음)',
  '(from the lab file)': '(랩 파일에서 읽음)',
  '(from the kernel; outside: {outside})': '(커널에서 읽음; 바깥 네트워크: {outside})',
  '(from the lab file; outside: {outside})': '(랩 파일에서 읽음; 바깥 네트워크: {outside})',
  'traced: {probe} — ◀ N: leg N of the journey passed there':
    '추적: {probe} — ◀ N: 경로의 N번째 구간이 지나간 곳',
  '{stop} (the line marked ✗)': '{stop} (✗ 표시된 줄)',
  ' (on no bridge)': ' (어느 브리지에도 꽂히지 않음)',
  '{program} (process)<br/>listens on {listens}': '{program} (프로세스)<br/>{listens}에서 리슨',
  'connects to {target}': '연결 대상: {target}',
  'traced: {probe}': '추적: {probe}',
  '▶ N: leg N of its journey passed there; blue: the way there, green: the way back':
    '▶ N: 경로의 N번째 구간이 지나간 곳; 파랑: 가는 길, 초록: 돌아오는 길',
  'on no bridge': '어느 브리지에도 꽂히지 않음',
  '{program} (process)\nlistens on {listens}': '{program} (프로세스)\n{listens}에서 리슨',
  'in {by}': '들어온 곳 {by}',
  'headed for {out}': '향하던 곳 {out}',
  'out {out}': '나간 곳 {out}',
  delivered: '전달됨',
  forwarded: '포워딩됨',
  sent: '보냄',
  dropped: '드롭됨',
  vanished: '사라짐',
  '✗ dropped: {what}': '✗ 드롭: {what}',
  here: '여기',
  '✗ lost: {why}': '✗ 유실: {why}',
  'network none: only lo': 'network none: lo만 있음',
  'network host: the host’s own namespace': 'network host: 호스트 자신의 네임스페이스',
  'network container:{of}: {of}’s namespace': 'network container:{of}: {of}의 네임스페이스',
  'MASQUERADE {subnet} leaving by anything but {bridge}':
    '{subnet} 대역이 {bridge} 말고 다른 곳으로 나갈 때 마스커레이드 (MASQUERADE)',
  'isolation: nothing forwarded between {network} and the other bridges':
    '격리: {network} 네트워크와 다른 브리지 사이에는 아무것도 포워딩하지 않음',
  'internal: nothing forwarded into or out of {network} ({subnet})':
    'internal: {network} ({subnet}) 안팎으로 아무것도 포워딩하지 않음',
  'sends to {remote}': '보내는 곳: {remote}',
  'floods to {hosts}': '{hosts}에 플러딩',
  'floods to nobody (no fdb entry 00:00:00:00:00:00)':
    '아무 데도 플러딩하지 않음 (fdb 항목 00:00:00:00:00:00 없음)',
  'another machine builds it ({machine}): up {lab} --as {host} there; not read from here':
    '다른 머신({machine})이 만듭니다: 그쪽에서 up {lab} --as {host}; 여기서는 읽지 않음',
  'another machine builds it: up {lab} --as {host} there; not read from here':
    '다른 머신이 만듭니다: 그쪽에서 up {lab} --as {host}; 여기서는 읽지 않음',
  'one machine each: up {lab} --as {host} on {machine}':
    '호스트마다 머신 하나: {machine}에서 up {lab} --as {host}',
  'one machine each: up {lab} --as {host}': '호스트마다 머신 하나: up {lab} --as {host}',
  'no VXLAN device on {host}': '{host}에 VXLAN 장치가 없음',
  '{device} on {host} is on no bridge': '{host}의 {device} 장치가 어느 브리지에도 꽂히지 않음',
  '198.51.100.1, servers 203.0.113.10': '198.51.100.1, 서버 203.0.113.10',
  'DNAT host udp port {port} → {target} ({container})':
    'DNAT: 호스트 udp 포트 {port} → {target} ({container})',
  'DNAT host port {port} → {target} ({container})': 'DNAT: 호스트 포트 {port} → {target} ({container})',
  'service {name}: {vip} → {backends} (DNAT, round robin)':
    '서비스 {name}: {vip} → {backends} (DNAT, 라운드 로빈)',
  // step-through
  'step {n} ({title})': '{n}단계 ({title})',
  'step 1 had finished': '1단계는 끝난 상태였습니다',
  'steps 1–{n} had finished': '1–{n}단계는 끝난 상태였습니다',
  'no step had finished': '끝난 단계는 없었습니다',
  'interrupted during {step}, which was cut short; {done}':
    '{step} 도중에 중단되어 그 단계는 끝까지 실행되지 못했습니다. {done}',
  'interrupted before {step}': '{step} 전에 중단되었습니다',
  'interrupted before the first step': '첫 단계 전에 중단되었습니다',
  'interrupted after {step} had finished; {next} had not started':
    '중단되었습니다: {step}까지 끝났고, {next}부터는 시작하지 않았습니다',
  'interrupted after {step} had finished': '중단되었습니다: {step}까지 끝났습니다',
  '  {check} answers since step {n}: one ping, and what it left behind':
    '  {check}: {n}단계부터 응답합니다. 핑 한 번과 그 핑이 남긴 것',
  '      # now: {command}': '      # 지금: {command}',
  "{from} sends to {address} over Ethernet, so it first needs that address's MAC: it broadcast an ARP request \"who has {address}?\", and the host answered with {bridge}'s own MAC (the gateway's address is on the bridge). {from} keeps the answer in its neighbour table: REACHABLE now, STALE after a while unused, and checked again when it is next used.":
    '{from} 컨테이너는 이더넷으로 {address}에 보내므로 먼저 그 주소의 MAC이 필요합니다: "who has {address}?"라는 ARP 요청을 브로드캐스트했고, 호스트가 {bridge} 자신의 MAC으로 답했습니다 (게이트웨이 주소가 브리지에 있습니다). {from} 컨테이너는 이 답을 이웃 테이블(ARP)에 보관합니다: 지금은 REACHABLE, 한동안 쓰지 않으면 STALE이 되고, 다음에 쓸 때 다시 점검합니다.',
  '{from} sends to {address} over Ethernet, so it first needs that address\'s MAC: it broadcast an ARP request "who has {address}?", and {to} answered with the MAC of its {ifname}. {from} keeps the answer in its neighbour table: REACHABLE now, STALE after a while unused, and checked again when it is next used.':
    '{from} 컨테이너는 이더넷으로 {address}에 보내므로 먼저 그 주소의 MAC이 필요합니다: "who has {address}?"라는 ARP 요청을 브로드캐스트했고, {to} 컨테이너가 자기 {ifname}의 MAC으로 답했습니다. {from} 컨테이너는 이 답을 이웃 테이블(ARP)에 보관합니다: 지금은 REACHABLE, 한동안 쓰지 않으면 STALE이 되고, 다음에 쓸 때 다시 점검합니다.',
  "{who}'s MAC": '{who}의 MAC',
  'The bridge\'s forwarding database (fdb): {bridge} learns which port each MAC is behind from the source address of the frames that come in ({fromMac} by the veth of {from}). A frame to a MAC it has learned leaves by that port only; one to a MAC it does not know, or a broadcast like the ARP request, goes out of every other port. {bridge}\'s own MAC is "permanent": frames to it go up into the host, which owns the gateway address. Learned entries are forgotten after 300 s unused. docker0 does the same.':
    '브리지의 포워딩 데이터베이스(fdb): {bridge} 브리지는 들어오는 프레임의 출발지 주소를 보고 각 MAC이 어느 포트 뒤에 있는지 배웁니다 ({from}의 veth 쪽에 {fromMac}). 배운 MAC으로 가는 프레임은 그 포트로만 나가고, 모르는 MAC으로 가는 프레임이나 ARP 요청 같은 브로드캐스트는 다른 모든 포트로 나갑니다. {bridge} 자신의 MAC은 "permanent"입니다: 그 MAC으로 가는 프레임은 게이트웨이 주소를 가진 호스트로 올라갑니다. 배운 항목은 300초 동안 쓰이지 않으면 잊힙니다. docker0도 똑같이 동작합니다.',
  "The bridge's forwarding database (fdb): {bridge} learns which port each MAC is behind from the source address of the frames that come in ({fromMac} by the veth of {from}, {toMac} by the veth of {to}). A frame to a MAC it has learned leaves by that port only; one to a MAC it does not know, or a broadcast like the ARP request, goes out of every other port. Learned entries are forgotten after 300 s unused. docker0 does the same.":
    '브리지의 포워딩 데이터베이스(fdb): {bridge} 브리지는 들어오는 프레임의 출발지 주소를 보고 각 MAC이 어느 포트 뒤에 있는지 배웁니다 ({from}의 veth 쪽에 {fromMac}, {to}의 veth 쪽에 {toMac}). 배운 MAC으로 가는 프레임은 그 포트로만 나가고, 모르는 MAC으로 가는 프레임이나 ARP 요청 같은 브로드캐스트는 다른 모든 포트로 나갑니다. 배운 항목은 300초 동안 쓰이지 않으면 잊힙니다. docker0도 똑같이 동작합니다.',
};
