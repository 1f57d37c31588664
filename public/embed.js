/*
 * ElastiCache Simulator — host-page helper for embedded lessons (docs/embedding.md).
 * No dependencies. Include it once on the page that holds the <iframe>:
 *
 *   <iframe src="https://SIM/#/embed/db-cache?parentOrigin=https://your.page" …></iframe>
 *   <script src="https://SIM/embed.js"></script>
 *
 * 1. Auto-resize: every frame served from the simulator's origin gets the height its content
 *    reports (`ecsim.v1.resize`). Frames with `data-ecsim-resize="off"` are left alone.
 * 2. A small API: `const sim = ECSim.connect(iframe)`; `sim.play()`, `pause()`, `step()`,
 *    `reset()`, `goto(n)`, `setSpeed(s)`, `act({ type, params })` and `getState()` return
 *    promises of the frame's reply; `sim.on('goalCompleted', fn)` etc. listen for its events
 *    (`'*'` for all). Commands other than getState/play/pause need the frame's parentOrigin.
 */
(function () {
  'use strict';
  if (window.ECSim) return;
  var script = document.currentScript;
  // Messages are trusted only from the origin this script was served from: the simulator's.
  var simOrigin = script && script.src ? new URL(script.src, location.href).origin : null;
  var connections = [];
  var nextId = 1;

  function frameOf(source) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++)
      if (frames[i].contentWindow === source) return frames[i];
    return null;
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== simOrigin) return;
    var data = e.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    if (data.type.indexOf('ecsim.v1.') !== 0) return;
    var frame = frameOf(e.source);
    if (!frame) return;
    if (data.type === 'ecsim.v1.resize' && frame.getAttribute('data-ecsim-resize') !== 'off') {
      var h = Number(data.height);
      if (h > 0 && h < 100000) frame.style.height = Math.ceil(h) + 'px';
    }
    for (var i = 0; i < connections.length; i++) {
      if (connections[i].frame === frame) connections[i].receive(data);
    }
  });

  function connect(frame) {
    if (!frame || !frame.contentWindow) throw new Error('ECSim.connect needs an <iframe> element');
    var pending = {};
    var listeners = {};
    var conn = {
      frame: frame,
      receive: function (data) {
        var name = data.type.slice('ecsim.v1.'.length);
        if (data.id && pending[data.id]) {
          var p = pending[data.id];
          delete pending[data.id];
          if (name === 'rejected' || (name === 'result' && !data.ok))
            p.reject(new Error(data.reason || data.error || 'refused'));
          else p.resolve(data);
        }
        (listeners[name] || []).concat(listeners['*'] || []).forEach(function (fn) {
          try {
            fn(data);
          } catch (err) {
            console.error('[ECSim] listener failed', err);
          }
        });
      },
    };
    connections.push(conn);
    function send(type, fields) {
      var id = 'h' + nextId++;
      var msg = { type: 'ecsim.v1.' + type, id: id };
      for (var k in fields) if (Object.prototype.hasOwnProperty.call(fields, k)) msg[k] = fields[k];
      return new Promise(function (resolve, reject) {
        pending[id] = { resolve: resolve, reject: reject };
        frame.contentWindow.postMessage(msg, simOrigin || '*');
      });
    }
    return {
      play: function () {
        return send('play', {});
      },
      pause: function () {
        return send('pause', {});
      },
      step: function () {
        return send('step', {});
      },
      reset: function () {
        return send('reset', {});
      },
      goto: function (step) {
        return send('goto', { step: step });
      },
      setSpeed: function (speed) {
        return send('setSpeed', { speed: speed });
      },
      act: function (action) {
        return send('act', { action: action });
      },
      getState: function () {
        return send('getState', {});
      },
      on: function (name, fn) {
        (listeners[name] = listeners[name] || []).push(fn);
        return function off() {
          listeners[name] = (listeners[name] || []).filter(function (f) {
            return f !== fn;
          });
        };
      },
    };
  }

  window.ECSim = { version: 1, origin: simOrigin, connect: connect };
})();
