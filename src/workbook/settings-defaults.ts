// The defaults are the product's, so they live in the engine; the reader starts from them.
export { defaultSettings } from '../engine/settings-defaults';
