// The room board's sound: every new call (a ticket's first call or a recall) chimes once and, when
// the board speaks and the browser has a voice for the board's language, is read out. Calls are
// told apart by data-call (ticket and call count), so a re-render of the same board is silent.
// The board is launched with --autoplay-policy=no-user-gesture-required, so no tap is needed.
;(() => {
  const board = document.getElementById('display-board')
  if (!board) return
  const seen = new Set()
  let started = false
  let audio = null
  let chain = Promise.resolve()

  // One oscillator, two notes (ding-dong), about 1.2 s.
  const chime = () => {
    const Context = window.AudioContext || window.webkitAudioContext
    if (!Context) return 0
    try {
      audio = audio || new Context()
      if (audio.state === 'suspended') audio.resume()
      const t = audio.currentTime
      const osc = audio.createOscillator()
      const gain = audio.createGain()
      osc.type = 'sine'
      osc.frequency.setValueAtTime(880, t)
      osc.frequency.setValueAtTime(660, t + 0.45)
      gain.gain.setValueAtTime(0.0001, t)
      gain.gain.exponentialRampToValueAtTime(0.5, t + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.08, t + 0.42)
      gain.gain.exponentialRampToValueAtTime(0.5, t + 0.47)
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 1.2)
      osc.connect(gain).connect(audio.destination)
      osc.start(t)
      osc.stop(t + 1.25)
      return 1250
    } catch {
      return 0
    }
  }

  const voiceFor = (langs) => {
    const voices = window.speechSynthesis?.getVoices() ?? []
    for (const lang of langs) {
      const want = lang.toLowerCase()
      const voice = voices.find((v) => {
        const have = String(v.lang).replace('_', '-').toLowerCase()
        return have === want || have.startsWith(`${want}-`)
      })
      if (voice) return voice
    }
    return null
  }

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

  const speak = (text, voice) =>
    new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text)
      utterance.voice = voice
      utterance.lang = voice.lang
      utterance.onend = resolve
      utterance.onerror = resolve
      window.speechSynthesis.speak(utterance)
      // A voice that never reports its end must not hold up the calls after it.
      setTimeout(resolve, 15_000)
    })

  const announce = async (text, voiceOn, langs) => {
    await wait(chime())
    const voice = voiceOn && text ? voiceFor(langs) : null
    if (voice) await speak(text, voice)
  }

  const scan = () => {
    const root = board.querySelector('.q-board')
    if (!root) return
    const voiceOn = root.dataset.voice === 'on'
    const langs = (root.dataset.speechLangs || '').split(' ').filter(Boolean)
    // The latest call is listed first; announce the older of several new calls first.
    const calls = [...root.querySelectorAll('[data-call]')].reverse()
    for (const el of calls) {
      const key = el.dataset.call
      if (seen.has(key)) continue
      seen.add(key)
      // What was on the board when it was opened has been announced already.
      if (!started) continue
      const text = el.dataset.speech
      chain = chain.then(() => announce(text, voiceOn, langs))
    }
    started = true
  }

  // Voices load in the background; asking once starts the loading.
  window.speechSynthesis?.getVoices()
  new MutationObserver(scan).observe(board, { childList: true, subtree: true })
  scan()
})()
