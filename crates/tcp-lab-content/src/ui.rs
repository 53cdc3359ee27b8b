//! The names of the lab's interface texts: labels (buttons, headings),
//! notices and the templates of the lines the app composes. The texts
//! themselves are in `text/ui.rs` (an exhaustive `match`, so a missing
//! language does not compile); the web app loads them with the rest of the
//! explanation pack (see [`crate::lab_text`]) and reads them with
//! [`crate::ui_text`].
//!
//! A template names its values in braces, `{who}`; the app fills them with
//! [`crate::fill_text`]. Each template's doc lists its values.

macro_rules! ui_texts {
    ($($(#[doc = $doc:literal])* $name:ident),* $(,)?) => {
        /// An interface text.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Ui { $($(#[doc = $doc])* $name),* }

        impl Ui {
            /// Every text, in pack order.
            pub const ALL: &'static [Ui] = &[$(Ui::$name),*];

            /// The text's name in the pack, e.g. `Play`.
            pub fn key(self) -> &'static str {
                match self { $(Ui::$name => stringify!($name)),* }
            }
        }
    };
}

ui_texts!(
    AppTitle,
    Tagline,
    Scenario,
    CustomScenario,
    Profile,
    LanguageSwitch,
    Controls,
    Play,
    Pause,
    StepBack,
    StepForward,
    Reset,
    JumpToEnd,
    FastForward,
    Scrubber,
    Speed,
    BeforeStart,
    Numbers,
    Relative,
    Absolute,
    Symbolic,
    BreakIt,
    TheNext,
    Arm,
    Drop,
    DelayBy,
    Duplicate,
    Milliseconds,
    YourFaults,
    NoFaults,
    ClearFaults,
    RemoveFault,
    FateMenuHint,
    FateNotInFlight,
    CloseMenu,
    Endpoints,
    Client,
    Server,
    NoTimer,
    StateDiagram,
    DiagramLegend,
    Ladder,
    Explanation,
    Why,
    Without,
    Specified,
    OnLinux,
    NothingYet,
    TimerExpired,
    EventLog,
    Setup,
    DelayMs,
    LossPct,
    Seed,
    ClientSteps,
    ServerSteps,
    StepsHelp,
    Apply,
    BadDelay,
    BadLoss,
    BadSeed,
    Dismiss,
    InFlight,
    Delivered,
    Lost,
    Delayed,
    Duplicated,
    Retransmission,
    OldDuplicate,
    Seconds,
    Truncated,
    Learn,
    Lessons,
    ChooseLesson,
    PickALesson,
    LessonGoal,
    CommonMistakes,
    MistakeClaim,
    MistakeCorrection,
    Continue,
    StartLesson,
    CloseLesson,
    StopOf,
    Check,
    Right,
    Wrong,
    LessonComplete,
    TryAgain,
    QuizMode,
    QuizHint,
    Score,
    PlainLanguage,
    Analogy,
    WhereItStops,
    Bilingual,
    Glossary,
    Knowledge,
    Fact,
    Confirmed,
    NotYet,
    LoadingText,
    TextFailed,
    UnknownLesson,
    LearnModes,
    Answer,
    ShareAndExport,
    ShareButton,
    EmbedButton,
    ExportButton,
    ClientToServer,
    ServerToClient,
    ProfileRfcName,
    ProfileLinuxName,
    ProfileRfcNote,
    ProfileLinuxNote,
    /// A label and its value: `{label}`, `{value}`.
    LabelValue,
    /// A data segment, as in “the next data (PSH-ACK)”.
    DataSegmentKind,
    /// `{time}`: a formatted duration.
    DelayByTime,
    /// `{action}`, `{id}`.
    FaultOnSegment,
    /// `{action}`, `{nth}` (English ordinal, “the 2nd”), `{n}` (the number), `{what}`, `{dir}`.
    FaultOnNth,
    /// `{action}`, `{what}`, `{dir}`.
    FaultOnEvery,
    ConnRefused,
    ConnReset,
    ConnTimedOut,
    ConnNotConnected,
    ConnAlreadyClosed,
    ConnAddrNotAvailable,
    EofBeforeData,
    /// `{who}`, `{step}`, `{why}`.
    StepFailedLine,
    /// `{who}`, `{timer}`.
    TimerExpiredLine,
    /// `{id}`, `{flags}`.
    LostOnLinkLine,
    /// `{who}`, `{from}`, `{to}`.
    TransitionLine,
    /// `{param}`, `{value}`, `{valid}`, `{used}`.
    NoticeIgnored,
    UsedTheDefault,
    UsedBrowserLanguage,
    UsedNoAutoplay,
    UsedNothing,
    /// `{param}`, `{value}`, `{kinds}`.
    NoticeUnusedFault,
    /// `{version}`.
    NoticeUnknownVersion,
    /// `{count}`.
    NoticeTooMany,
    /// `{language}`: the language's own name.
    NoticeTextFailed,
    NoticeTooLong,
    HintFault,
    HintDelay,
    /// `{verbs}`.
    HintSteps,
    HintDelayMs,
    HintLoss,
    HintSeed,
    HintStep,
    /// `{line}`, `{text}`, `{why}`.
    StepErrorLine,
    AByteCount,
    ANumberOfMilliseconds,
    StepIsEmpty,
    /// `{step}`.
    StepTooManyWords,
    /// `{verb}`, `{verbs}`.
    StepUnknownVerb,
    /// `{verb}`.
    StepTakesNoNumber,
    /// `{verb}`, `{unit}`.
    StepNeedsNumber,
    /// `{value}`.
    StepNotANumber,
    StepNegative,
    StepBadByteCount,
    /// `{max}`: a formatted duration.
    StepWaitTooLong,
    /// `{what}`.
    ArmRefused,
    ArmFormLabel,
    /// `{chip}` (the text along the arrow), `{id}`, `{dir}`, `{fate}`.
    SegmentName,
    ClientIsn,
    ServerIsn,
    ClientFinSeq,
    ServerFinSeq,
    ClientFinAckSeq,
    ServerFinAckSeq,
    Microseconds,
    Minutes,
    Hours,
    CaptureOpen,
    CaptureOpenHint,
    CaptureDropHere,
    CaptureHeading,
    CaptureStaysLocal,
    CaptureClose,
    CaptureClient,
    CaptureServer,
    CapturePackets,
    CaptureBytes,
    CaptureDuration,
    CaptureEnded,
    CaptureShow,
    CaptureMoreRows,
    CaptureRolesGuessed,
    CaptureReconstructed,
    CaptureNotesHeading,
    CaptureConnections,
    CaptureFindings,
    CaptureNoNotes,
    /// `{conn}`, `{client}`, `{server}`: the connection on the ladder.
    CaptureLinkNote,
    CaptureLinkNotWhole,
    /// `{first}`, `{second}`: two sentences, one after the other (a space between them in
    /// English, none in Chinese).
    TwoSentences,
    /// `{conn}`, `{client}`, `{server}`: the connection the steps were derived from.
    DerivedFromCapture,
    /// `{name}`: the file.
    CaptureHeadingNamed,
    /// `{name}`, `{problem}`.
    CaptureNamedProblem,
    /// `{percent}`, `{name}`.
    CaptureDecoding,
    /// `{side}`, `{state}`, `{certainty}`.
    CertaintySideState,
    CaptureOnLadderPickers,
    CaptureEndFin,
    CaptureEndHalfClosed,
    CaptureEndRst,
    CaptureEndOpen,
    CertaintyObserved,
    CertaintyInferred,
    CertaintyAssumed,
    CertaintyUnknown,
    CertaintyLegend,
    /// `{word}`, `{meaning}`.
    CertaintyLegendItem,
    CertaintyObservedMeaning,
    CertaintyInferredMeaning,
    CertaintyAssumedMeaning,
    CertaintyUnknownMeaning,
    /// `{state}`, `{certainty}`: a state's name and how sure it is, for a screen reader.
    CertaintyStateLabel,
    /// `{side}`: the side it is about.
    NoteRetransmission,
    NoteProbablyLost,
    /// `{side}`: the side it is about.
    NoteDuplicateAck,
    /// `{side}`: the side it is about.
    NoteDelayedAck,
    /// `{side}`: the side it is about.
    NoteZeroWindow,
    /// `{side}`: the side it is about.
    NoteRst,
    /// `{side}`: the side it is about.
    NoteChallengeAck,
    NoteThreeSegmentClose,
    NoteFourSegmentClose,
    NoteSimultaneous,
    NoteMidConnection,
    /// `{side}`: the side it is about.
    NoteNoAnswer,
    /// `{side}`: the side it is about.
    NoteStillOpen,
    /// `{n}`.
    CaptureByteCount,
    /// `{size}`, `{limit}`.
    CaptureTooLarge,
    CaptureEmpty,
    CaptureReadFailed,
    /// `{frames}`.
    CaptureNoTcp,
    CaptureBadMagic,
    /// `{offset}`.
    CaptureTruncated,
    /// `{offset}`, `{len}`.
    CaptureBadLength,
    /// `{offset}`.
    CaptureBadSection,
    /// `{offset}`, `{interface}`.
    CaptureUnknownInterface,
    CaptureOneFrame,
    /// `{n}`.
    CaptureFrames,
    CaptureOneSegment,
    /// `{n}`.
    CaptureSegments,
    CaptureOneConnection,
    /// `{n}`.
    CaptureConnectionCount,
    /// `{format}` (pcap or pcapng), `{size}`, and the three counts.
    CaptureSummary,
    /// `{frames}`: a count of frames.
    CaptureSkipped,
    /// `{frames}`: a count of frames.
    CaptureSnaplenCut,
    /// `{error}`, `{n}`.
    CaptureStoppedEarly,
    /// `{name}`, `{percent}`.
    CaptureReading,
    /// `{i}`.
    CaptureShowConnection,
    CompareHeading,
    CompareHint,
    CompareShow,
    /// `{client}`, `{server}`: the steps, as the custom scenario's form writes them.
    CompareSteps,
    CompareNoSteps,
    CompareSame,
    /// `{index}`, `{segment}` (direction, flags and length, e.g. s:A).
    CompareOnlyInCapture,
    /// `{index}`, `{segment}`.
    CompareOnlyInRun,
    /// `{side}`, `{socket}`, `{capture}`, `{run}`: chains of states.
    CompareStates,
    CompareConnectionSocket,
    CompareListenerSocket,
    /// `{profile}`: the profile's name.
    CompareRunIt,
    // The server view.
    ServerHeading,
    SynQueue,
    AcceptQueue,
    QueueLength,
    QueueChart,
    Counters,
    CountersHelp,
    LatestListenerEvent,
    NoListenerEvent,
    Connections,
    ConnAddress,
    ConnOrigin,
    ConnClientEnd,
    ConnServerEnd,
    ConnCookie,
    Yes,
    No,
    OriginClient,
    OriginFlood,
    FloodAggregate,
    MoreRows,
    ShowConnection,
    ShownOnLadder,
    ServerControls,
    Backlog,
    SynCookies,
    FloodSyns,
    StopFlood,
    StartFlood,
    AcceptDelay,
    Reconnect,
    ResetKnobs,
    BadWholeNumber,
    HintWholeNumber,
    OneConnectionScenarios,
    ServerScenarios,
    /// The listener's settings in force: `{backlog}`, `{somaxconn}`, `{max_syn}`, `{cookies}`, `{abort}`.
    ListenerSettings,
);

/// The name of a language in that language, for the language switch: each
/// button names its own language, so it is the same in every page language.
pub fn language_name(lang: crate::Lang) -> &'static str {
    match lang {
        crate::Lang::En => "English",
        crate::Lang::Zh => "中文",
    }
}

/// Shown when the app stops on an internal error. In both languages at once:
/// it may be shown before any text pack is in, and in any page language.
pub const CRASH_MESSAGE: &str =
    "TCP Lab stopped because of an internal error. Reloading the page usually helps. \
     / TCP 实验室因内部错误停止运行，刷新页面通常可以恢复。";
