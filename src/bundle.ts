// The drop-in bundle: `<script type="module" src="marketkit.js">` registers every element.
export * from './index.js';
