//! The widget's few UI strings in English, French and Spanish. A `match` rather than a table so
//! unused strings cost nothing and a missing translation is a compile error, not a blank label.

/// One UI string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    ReplyInMinutes,
    ReplyInHours,
    ReplyInADay,
    Away,
    TypeMessage,
    Send,
    ConversationEnded,
    StartNew,
    Read,
    Sending,
    Failed,
    Typing,
    BubbleLabel,
    StartConversation,
    Required,
    InvalidEmail,
    InvalidPhone,
    InvalidNumber,
    Message,
    EmailPlaceholder,
    Submit,
    RateConversation,
    FeedbackPlaceholder,
    CsatThanks,
    EndConversation,
    RequestTranscript,
    TranscriptSent,
    TranscriptNeedsEmail,
    TranscriptUnavailable,
    FileTooLarge,
    ErrorGeneric,
    Close,
    Popout,
    Emoji,
    Attach,
    PoweredBy,
    Menu,
    Select,
}

/// The text of `key` in `locale` ("fr", "es_ES", "pt-BR"…); anything unknown falls back to English.
pub fn t(locale: &str, key: Key) -> &'static str {
    match locale.get(..2).unwrap_or_default() {
        "fr" => fr(key),
        "es" => es(key),
        _ => en(key),
    }
}

fn en(key: Key) -> &'static str {
    use Key::*;
    match key {
        ReplyInMinutes => "Typically replies in a few minutes",
        ReplyInHours => "Typically replies in a few hours",
        ReplyInADay => "Typically replies in a day",
        Away => "We are away at the moment",
        TypeMessage => "Type your message",
        Send => "Send",
        ConversationEnded => "This conversation has ended",
        StartNew => "Start a new conversation",
        Read => "Read",
        Sending => "Sending",
        Failed => "Not sent",
        Typing => "Agent is typing",
        BubbleLabel => "Chat with us",
        StartConversation => "Start conversation",
        Required => "This field is required",
        InvalidEmail => "Please enter a valid email address",
        InvalidPhone => "Please enter a valid phone number starting with +",
        InvalidNumber => "Please enter a number",
        Message => "Message",
        EmailPlaceholder => "Please enter your email",
        Submit => "Submit",
        RateConversation => "Rate your conversation",
        FeedbackPlaceholder => "Tell us more…",
        CsatThanks => "Thank you for submitting the rating",
        EndConversation => "End conversation",
        RequestTranscript => "Request a transcript",
        TranscriptSent => "The transcript was sent to your email",
        TranscriptNeedsEmail => "Share your email first to receive the transcript",
        TranscriptUnavailable => "Transcripts cannot be emailed from this site yet",
        FileTooLarge => "The file is larger than the limit (MB):",
        ErrorGeneric => "Something went wrong. Please try again.",
        Close => "Close",
        Popout => "Open in a new window",
        Emoji => "Insert an emoji",
        Attach => "Attach a file",
        PoweredBy => "Powered by",
        Menu => "More options",
        Select => "Select an option",
    }
}

fn fr(key: Key) -> &'static str {
    use Key::*;
    match key {
        ReplyInMinutes => "Répond généralement en quelques minutes",
        ReplyInHours => "Répond généralement en quelques heures",
        ReplyInADay => "Répond généralement en un jour",
        Away => "Nous sommes absents pour le moment",
        TypeMessage => "Tapez votre message",
        Send => "Envoyer",
        ConversationEnded => "Cette conversation est terminée",
        StartNew => "Démarrer une nouvelle conversation",
        Read => "Lu",
        Sending => "Envoi",
        Failed => "Non envoyé",
        Typing => "Un agent écrit",
        BubbleLabel => "Discutez avec nous",
        StartConversation => "Démarrer la conversation",
        Required => "Ce champ est obligatoire",
        InvalidEmail => "Veuillez saisir une adresse e-mail valide",
        InvalidPhone => "Veuillez saisir un numéro valide commençant par +",
        InvalidNumber => "Veuillez saisir un nombre",
        Message => "Message",
        EmailPlaceholder => "Veuillez saisir votre e-mail",
        Submit => "Envoyer",
        RateConversation => "Évaluez votre conversation",
        FeedbackPlaceholder => "Dites-nous en plus…",
        CsatThanks => "Merci d'avoir donné votre évaluation",
        EndConversation => "Terminer la conversation",
        RequestTranscript => "Demander une transcription",
        TranscriptSent => "La transcription a été envoyée à votre e-mail",
        TranscriptNeedsEmail => "Indiquez d'abord votre e-mail pour recevoir la transcription",
        TranscriptUnavailable => {
            "Les transcriptions ne peuvent pas encore être envoyées depuis ce site"
        }
        FileTooLarge => "Le fichier dépasse la limite (Mo) :",
        ErrorGeneric => "Une erreur s'est produite. Veuillez réessayer.",
        Close => "Fermer",
        Popout => "Ouvrir dans une nouvelle fenêtre",
        Emoji => "Insérer un emoji",
        Attach => "Joindre un fichier",
        PoweredBy => "Propulsé par",
        Menu => "Plus d'options",
        Select => "Choisissez une option",
    }
}

fn es(key: Key) -> &'static str {
    use Key::*;
    match key {
        ReplyInMinutes => "Normalmente responde en unos minutos",
        ReplyInHours => "Normalmente responde en unas horas",
        ReplyInADay => "Normalmente responde en un día",
        Away => "Estamos ausentes en este momento",
        TypeMessage => "Escribe tu mensaje",
        Send => "Enviar",
        ConversationEnded => "Esta conversación ha terminado",
        StartNew => "Iniciar una nueva conversación",
        Read => "Leído",
        Sending => "Enviando",
        Failed => "No enviado",
        Typing => "Un agente está escribiendo",
        BubbleLabel => "Chatea con nosotros",
        StartConversation => "Iniciar conversación",
        Required => "Este campo es obligatorio",
        InvalidEmail => "Introduce un correo electrónico válido",
        InvalidPhone => "Introduce un número válido que empiece por +",
        InvalidNumber => "Introduce un número",
        Message => "Mensaje",
        EmailPlaceholder => "Introduce tu correo electrónico",
        Submit => "Enviar",
        RateConversation => "Valora tu conversación",
        FeedbackPlaceholder => "Cuéntanos más…",
        CsatThanks => "Gracias por enviar tu valoración",
        EndConversation => "Terminar conversación",
        RequestTranscript => "Solicitar una transcripción",
        TranscriptSent => "La transcripción se envió a tu correo",
        TranscriptNeedsEmail => "Indica primero tu correo para recibir la transcripción",
        TranscriptUnavailable => "Este sitio aún no puede enviar transcripciones por correo",
        FileTooLarge => "El archivo supera el límite (MB):",
        ErrorGeneric => "Algo salió mal. Inténtalo de nuevo.",
        Close => "Cerrar",
        Popout => "Abrir en una ventana nueva",
        Emoji => "Insertar un emoji",
        Attach => "Adjuntar un archivo",
        PoweredBy => "Con la tecnología de",
        Menu => "Más opciones",
        Select => "Elige una opción",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_language_by_prefix_and_falls_back_to_english() {
        assert_eq!(t("fr_CA", Key::Send), "Envoyer");
        assert_eq!(t("es", Key::Read), "Leído");
        assert_eq!(t("de", Key::Send), "Send");
        assert_eq!(t("", Key::Send), "Send");
    }
}
