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
    'Docker 호스트에는 LAN에 붙은 VM처럼 NIC와 기본 경로가 필요합니다. 양 끝에 번호 {near}와 {far}(index)를 직접 줍니다. 새 네임스페이스 두 개에서는 양쪽 모두 2번이 되는데, 양 끝 번호가 같은 veth는 커널이 최대 1초 늦게 올립니다',
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
    '샌드박스 NAME 안에서 (--sandbox 포함): 여러 벌을 동시에 올릴 수 있습니다',
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
    '랩이 만든 것을 모두 지웁니다. 대상 플래그가 없으면 모든 벌을 (root)',
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
};
