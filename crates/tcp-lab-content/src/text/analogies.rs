//! ANALOGIES: the plain-language mode. Each topic has an everyday analogy (a
//! phone call, a radio exchange between pilot and tower, ending a
//! relationship) and says where the analogy stops being accurate.
//!
//! How to edit: find the topic (e.g. `AnalogyTopic::TimeWait`), then the
//! language, and change `title`, `text` or `limits`. `text` maps the story
//! onto the protocol in three to five sentences; `limits` names at least one
//! point where the story and TCP differ, so that nobody learns the analogy
//! instead of the protocol. Chinese keeps SYN, ACK, FIN, RST and state names
//! in English.
//!
//! A new topic makes this file fail to compile until it has text in both
//! languages.

use crate::analogies::{Analogy, AnalogyTopic};
use crate::Lang::{self, En, Zh};

pub(crate) fn analogy(topic: AnalogyTopic, lang: Lang) -> Analogy {
    match topic {
        AnalogyTopic::Handshake => match lang {
            En => Analogy {
                title: "A radio check between pilot and tower",
                text: "Pilot: \"Tower, this is CA981, how do you read?\" Tower: \"CA981, Tower, I read you five. How do you read me?\" Pilot: \"Tower, CA981, reading you five as well.\" After the first call the tower knows it can hear the pilot; after its answer the pilot knows that both directions work; only the pilot's last call tells the tower that its own voice got through. That is SYN, SYN-ACK and the final bare ACK.",
                limits: "A radio check only tests whether voices carry. The real work of the handshake is exchanging the two initial sequence numbers (and options such as the MSS); the third segment also lets the client reject an old duplicate SYN, which has no radio counterpart. And the tower's answer-plus-question is one segment, the SYN-ACK, not two sentences.",
            },
            Zh => Analogy {
                title: "飞行员与塔台的无线电试音",
                text: "机组：“塔台，国航九八一，听我声音如何？”塔台：“国航九八一，塔台，声音五个，听我如何？”机组：“塔台，国航九八一，你的声音也是五个。”第一句话让塔台知道自己听得见机组；塔台回话后，机组知道双向都通了；只有机组的最后一句，才让塔台确认自己的声音也传了过去。这就是 SYN、SYN-ACK 和最后那个纯 ACK。",
                limits: "无线电试音只检验声音能不能传过去，而握手真正要做的是交换双方的初始序列号（以及 MSS 等选项）；第三个报文段还让客户端有机会拒绝旧的重复 SYN，这在无线电里没有对应。另外，塔台“回答加反问”在 TCP 里是同一个报文段 SYN-ACK，而不是两句话。",
            },
        },

        AnalogyTopic::WhyNotTwo => match lang {
            En => Analogy {
                title: "Returning a stale phone message",
                text: "You find a message on your phone: \"Call me back, let's book a table for tonight.\" If you booked the table as soon as you heard it (a two-step handshake), a message left weeks ago would have you sitting alone at a restaurant. So you call back first: \"You wanted a table tonight?\" If the caller says \"I never asked for that\", you book nothing. The caller's answer is the third segment: a yes confirms the connection, a RST cancels it.",
                limits: "TCP does not rely on memory or dates: the client recognises the stale request because the server acknowledges a sequence number the client never chose. The third segment also confirms the server's own ISN, which a phone call does not need. And nothing in TCP is \"booked\" until that confirmation arrives; the server only holds a half-open entry.",
            },
            Zh => Analogy {
                title: "回复一条过期的电话留言",
                text: "你在手机上看到一条留言：“回个电话，今晚订张桌子吧。”如果一听到留言就去订桌（两次握手），那么一条几周前的旧留言也会让你独自坐在餐厅里。所以你先回电确认：“你是想今晚订桌吗？”对方要是说“我没这么说过”，你就什么也不订。对方的这句回答就是第三次握手：确认则连接建立，回一个 RST 则作废。",
                limits: "TCP 并不靠记忆或日期来判断：客户端之所以认出这是过期请求，是因为服务器确认了一个客户端从未选过的序列号。第三个报文段还要确认服务器自己的 ISN，打电话不需要这一步。而且在收到确认之前，服务器并没有真正“订下”什么，只保留了一个半连接。",
            },
        },

        AnalogyTopic::Close => match lang {
            En => Analogy {
                title: "Ending a relationship, one side at a time",
                text: "One partner says: \"I have nothing more to say to you.\" The other answers: \"I hear you\", but still has things to get off their chest, and says them. Only later: \"I have nothing more to say either.\" \"I hear you.\" Each person ends their own side of the conversation, and each ending is acknowledged: FIN, ACK, FIN, ACK. That is why closing takes four segments when opening takes three.",
                limits: "In a real break-up the first person usually stops listening too; after a FIN, TCP keeps receiving until the peer's own FIN arrives. And when the second person's \"I hear you\" and own farewell come out together, TCP sends them in one segment (the ACK rides on the FIN), which is why a capture often shows three segments.",
            },
            Zh => Analogy {
                title: "分手：各自说完再告别",
                text: "一方说：“我对你没什么要说的了。”另一方回答：“我知道了。”但自己心里还有话，于是接着把话说完。过了一阵才说：“我也没什么要说的了。”“我知道了。”两个人各自结束自己这一边的话，而每一次结束都得到对方的回应：FIN、ACK、FIN、ACK。这就是建立连接要三次握手、断开却要四次挥手的原因。",
                limits: "现实中先提分手的人往往也就不再听了；而 TCP 发出 FIN 之后仍然照常接收，直到对方的 FIN 到来。另外，如果第二个人的“我知道了”和自己的告别同时说出口，TCP 会把它们放进同一个报文段（ACK 捎带在 FIN 上），所以抓包时常常只看到三个报文段。",
            },
        },

        AnalogyTopic::HalfClose => match lang {
            En => Analogy {
                title: "\"I'm done, go ahead, I'm listening\"",
                text: "On the phone you say: \"That's all from me; go ahead, I'm listening.\" You stay on the line while your friend finishes the story, saying \"mm-hm\" now and then, and only when your friend is done do you both hang up. The side that sent its FIN is in FIN-WAIT-2, still receiving and acknowledging; the other side is in CLOSE-WAIT, still sending.",
                limits: "On the phone you could still interrupt. After its FIN, a TCP endpoint sends no more data in that direction, only acknowledgments; the only way to take anything back is to abort the whole connection with RST.",
            },
            Zh => Analogy {
                title: "“我说完了，你说吧，我听着”",
                text: "打电话时你说：“我这边说完了，你说吧，我听着。”你没有挂断，一边听朋友把话讲完，一边时不时“嗯”一声，等对方也说完了，两人才一起挂电话。发出 FIN 的一方处于 FIN-WAIT-2，仍在接收并确认；另一方处于 CLOSE-WAIT，仍可以继续发送。",
                limits: "打电话时你随时可以插话；而 TCP 一端发出 FIN 后，在这个方向上就再也不发数据了，只发确认。想反悔，只能用 RST 把整个连接中止。",
            },
        },

        AnalogyTopic::TimeWait => match lang {
            En => Analogy {
                title: "Staying on the frequency after the last \"roger\"",
                text: "After the last \"roger\", a careful pilot keeps listening on the tower's frequency a little longer. If the tower missed that \"roger\" and repeats its call, the pilot can answer again instead of leaving the tower calling into silence. And a garbled transmission that was stuck somewhere and arrives late is recognised as stale, not mistaken for a new call. TIME-WAIT does both: it re-acknowledges a repeated FIN and lets old duplicates die out before the same addresses and ports are used again.",
                limits: "The pilot listens for seconds; TCP waits 2MSL, long enough for any segment of this connection to expire in the network (4 minutes in the textbook, a fixed 60 s on Linux). TIME-WAIT sends nothing on its own: it only answers what arrives, with an ACK. And it belongs to whichever side closed first, not necessarily the client.",
            },
            Zh => Analogy {
                title: "说完最后一句“收到”后，再守一会儿频率",
                text: "说完最后一句“收到”，细心的飞行员还会在塔台频率上多守一会儿。如果塔台没听到这句“收到”而再次呼叫，飞行员还能再答一次，不至于让塔台对着空气喊话；一段卡在半路、迟迟才到的模糊通话，也会被认出是旧的，不会被当成新的呼叫。TIME-WAIT 同时做这两件事：再次确认重发的 FIN，并让旧的重复报文段在同一对地址和端口被重新使用之前消亡。",
                limits: "飞行员只守几秒钟；TCP 要等 2MSL，足够让这个连接的任何报文段在网络中过期（教科书中是 4 分钟，Linux 固定为 60 秒）。TIME-WAIT 不会主动发送任何东西，只对到达的报文段回一个 ACK。而且它属于先关闭的一方，不一定是客户端。",
            },
        },

        AnalogyTopic::Rst => match lang {
            En => Analogy {
                title: "\"The number you have dialled does not exist\" — or hanging up mid-sentence",
                text: "You call a number nobody uses: instead of letting it ring forever, the network tells you at once that the number does not exist. That is a RST answering a SYN on a port where nothing listens: connect() fails immediately with \"connection refused\". Hanging up in the middle of a sentence is the other kind of RST: the conversation ends at once, without any goodbye.",
                limits: "The \"number does not exist\" message comes from the phone network; a RST comes from the other host's TCP itself. A RST is never acknowledged and never resent, and data still on its way is thrown away, so an abort can lose bytes that an orderly FIN would have delivered.",
            },
            Zh => Analogy {
                title: "“您拨打的号码是空号”，或者话说到一半就挂断",
                text: "你拨了一个没人用的号码，电话不会一直响下去，而是马上提示“您拨打的号码是空号”。这就像在无人监听的端口上，SYN 被回了一个 RST：connect() 立即以“连接被拒绝”失败。话说到一半直接挂断，则是另一种 RST：通话当场结束，连声再见都没有。",
                limits: "“空号”提示来自电话网；RST 则来自对方主机上的 TCP 本身。RST 既不会被确认，也不会重发，还在路上的数据会被丢弃，所以中止连接可能丢掉一些字节，而正常的 FIN 会把它们送到。",
            },
        },

        AnalogyTopic::Retransmission => match lang {
            En => Analogy {
                title: "Repeating an unanswered radio call",
                text: "The pilot calls the tower and hears nothing back. The tower cannot complain about a call it never heard, so it is up to the pilot: after a while the pilot repeats the same call word for word, and if that goes unanswered too, waits longer before trying again. In TCP the sender's retransmission timer plays the pilot: a SYN, SYN-ACK, FIN or data segment that is not acknowledged in time is sent again, unchanged.",
                limits: "The copy TCP sends carries the same sequence number, so if the first one was only slow the receiver recognises the duplicate and drops it; a repeated radio call cannot be matched that precisely. TCP never resends a bare ACK: it takes no sequence number, so nothing waits for it. And for data, repeated acknowledgments from the receiver can trigger an early resend (fast retransmit), which has no radio counterpart.",
            },
            Zh => Analogy {
                title: "呼叫没有回音，就再呼一次",
                text: "飞行员呼叫塔台，却没有听到回答。塔台没听见这次呼叫，自然无从抱怨，所以只能靠飞行员自己：等一会儿，把同样的话原样再呼一遍；如果还是没有回音，就隔更久再试。在 TCP 里，扮演飞行员的是发送方的重传计时器：SYN、SYN-ACK、FIN 或数据报文段如果没有按时得到确认，就原样再发一次。",
                limits: "TCP 再发的副本带着同样的序列号，如果第一份只是走得慢，接收方能认出重复并丢弃，无线电呼叫做不到这么精确的对应。纯 ACK 不占序列号，没有谁在等它的确认，所以 TCP 从不单独重发 ACK。另外，对于数据，接收方重复的确认可以促使发送方提前重发（快速重传），无线电里没有这样的机制。",
            },
        },

        AnalogyTopic::SimultaneousOpen => match lang {
            En => Analogy {
                title: "Two friends who call each other at the same moment",
                text: "Two friends dial each other at the same instant. Imagine the lines connected anyway: each hears the other's \"hello?\" before any answer to their own, so each replies \"hello, I hear you\", and both conversations turn out to be one. In TCP both sides send a SYN, each receives the other's SYN while in SYN-SENT, each answers with a SYN-ACK, and one connection results from four segments.",
                limits: "A real phone network gives both callers a busy tone; only TCP merges the two attempts. It is rare in practice: it needs both sides to know each other's address and port in advance, as in some peer-to-peer programs that connect through NAT.",
            },
            Zh => Analogy {
                title: "两个朋友同时给对方打电话",
                text: "两个朋友在同一时刻拨通了对方。假设电话照样接通了：每个人都先听到了对方的“喂？”，而不是对自己那声“喂”的回答，于是各自回一句“喂，我听得见你”，两通电话其实成了同一次通话。在 TCP 里，双方各发一个 SYN，在 SYN-SENT 状态下收到对方的 SYN，各自回一个 SYN-ACK，四个报文段建立起一个连接。",
                limits: "真实的电话网会让双方都听到忙音，只有 TCP 会把两次尝试合并成一个连接。这种情况在实际中很少见：它要求双方事先知道对方的地址和端口，例如某些穿越 NAT 直连的点对点程序。",
            },
        },

        AnalogyTopic::SimultaneousClose => match lang {
            En => Analogy {
                title: "Both saying goodbye at once",
                text: "At the end of a call both people say \"bye then\" at the same moment, and each then answers the other's goodbye. Neither waited for the other to finish. In TCP both FINs cross on the wire; each side receives the peer's FIN before the ACK of its own, passes through CLOSING, acknowledges the peer's FIN, and both end in TIME-WAIT.",
                limits: "People hang up and are done; in TCP both sides closed actively, so both must wait out TIME-WAIT, not just one of them.",
            },
            Zh => Analogy {
                title: "两人同时说再见",
                text: "通话快结束时，两个人在同一时刻说了“那就先这样”，然后各自回应对方的告别，谁也没有等谁说完。在 TCP 里，两个 FIN 在线路上交错而过：每一方都在自己的 FIN 被确认之前先收到了对方的 FIN，于是经过 CLOSING，确认对方的 FIN，最后双方都进入 TIME-WAIT。",
                limits: "人挂了电话就结束了；而 TCP 里双方都是主动关闭的一方，所以两边都要等完 TIME-WAIT，而不只是其中一方。",
            },
        },
    }
}
