// 한국어 catalogue: the English text of nslab's code (the argument of t()) → its Korean.
// Words follow docs/glossary.ko.md; commands, interface names, addresses and rule text stay as
// they are. test/unit/i18n.test.ts fails on a t() text missing here, or an entry no code uses.
export const ko: Record<string, string> = {
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
