export { themeCss, type Theme, type ThemeColors } from './theme.js';
