// The demo imports the kit from source; a real page would load the bundle (see demo/embed.html).
import '../src/index.js';
import './demo-nav.js';
